using System.Globalization;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Postmortems;

/// <summary>
/// The facts of an incident as the values a template reads: <c>{{incident.title}}</c>, <c>{{#each timeline}}</c> …
/// Every instant has its date, in UTC and in the team's zone (<c>shown</c> gives both, or UTC alone when the zone is UTC).
/// </summary>
internal sealed class PostmortemModel(TimeZoneInfo zone, string zoneName, Language.Texts texts)
{
    /// <summary>Whether the team's zone differs from UTC, so its times are worth a column of their own.</summary>
    public bool Zoned { get; } = !zone.HasSameRules(TimeZoneInfo.Utc);

    public Dictionary<string, object?> Of(PostmortemFacts facts, string template, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var incident = facts.Incident;
        var durations = incident.Durations;
        return new Dictionary<string, object?>
        {
            ["generatedAt"] = Instant(now),
            ["template"] = template,
            ["timeZone"] = zoneName,
            ["zoned"] = Zoned,
            ["overview"] = PostmortemOverview.Write(facts, Shown, texts),
            ["summaries"] = Entries(facts.Timeline.Where(e => e.Kind == TimelineKind.SummaryPosted)),
            ["incident"] = new Dictionary<string, object?>
            {
                ["key"] = incident.Key,
                ["number"] = incident.Number,
                ["title"] = incident.Title,
                ["severity"] = incident.Severity.Label(),
                ["status"] = incident.Status.Name(),
                ["private"] = incident.IsPrivate,
                ["drill"] = incident.IsDrill,
                ["declaredBy"] = People.Display(incident.DeclaredBy),
                ["startedAt"] = Instant(incident.StartedAt),
                ["detectedAt"] = Instant(incident.DetectedAt),
                ["declaredAt"] = Instant(incident.DeclaredAt),
                ["acknowledgedAt"] = Instant(incident.AcknowledgedAt),
                ["mitigatedAt"] = Instant(incident.MitigatedAt),
                ["resolvedAt"] = Instant(incident.ResolvedAt),
            },
            ["durations"] = new Dictionary<string, object?>
            {
                ["detect"] = Show(durations.ToDetect),
                ["acknowledge"] = Show(durations.ToAcknowledge),
                ["mitigate"] = Show(durations.ToMitigate),
                ["resolve"] = Show(durations.ToResolve),
            },
            ["roles"] = Enum.GetValues<Role>().Select(role => new Dictionary<string, object?>
            {
                ["name"] = role.Name(),
                ["title"] = texts.RoleTitle(role),
                ["holder"] = incident.HolderOf(role) is { } holder ? People.Display(holder) : null,
            }).ToList(),
            ["responders"] = facts.Responders.Select(p => "@" + p).ToList(),
            ["timeline"] = Entries(facts.Timeline),
            ["alerts"] = Entries(facts.Alerts),
            ["alertsFired"] = facts.Alerts.Count(a => a.Kind == TimelineKind.AlertFired),
            ["alertsResolved"] = facts.Alerts.Count(a => a.Kind == TimelineKind.AlertResolved),
            ["detection"] = new Dictionary<string, object?>
            {
                ["byAlert"] = facts.DetectingAlert is not null,
                ["alert"] = facts.DetectingAlert is { } alert ? Entry(alert) : null,
            },
            ["handoffs"] = Entries(facts.Handoffs),
            ["severityChanges"] = Entries(facts.SeverityChanges),
            ["statusChanges"] = Entries(facts.StatusChanges),
            ["updates"] = Entries(facts.Updates),
            ["summary"] = facts.LatestSummary is { } summary ? Entry(summary) : null,
            ["actionItems"] = facts.ActionItems.Select(a => new Dictionary<string, object?>
            {
                ["id"] = a.Id,
                ["text"] = a.Text,
                ["owner"] = a.Owner is null ? null : People.Display(a.Owner),
                ["due"] = a.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["kind"] = a.Kind?.Name(),
                ["state"] = a.IsDone ? "done" : "open",
            }).ToList(),
            ["openActionItems"] = facts.ActionItems.Count(a => !a.IsDone),
            ["blameFlags"] = facts.BlameFlags.Select(f => new Dictionary<string, object?>
            {
                ["source"] = f.Source,
                ["sentence"] = f.Sentence,
                ["phrase"] = f.Phrase,
                ["reason"] = f.Reason,
            }).ToList(),
        };
    }

    private List<Dictionary<string, object?>> Entries(IEnumerable<TimelineEntry> entries) => entries.Select(Entry).ToList();

    private Dictionary<string, object?> Entry(TimelineEntry entry) => new()
    {
        ["utc"] = Utc(entry.At),
        ["local"] = Local(entry.At),
        ["shown"] = Shown(entry.At),
        ["actor"] = People.Display(entry.Actor),
        ["kind"] = entry.Kind.Name(),
        ["what"] = entry.Kind.Name().Replace('_', ' '),
        // A posted catch-up is a page long: the timeline and the summary section show its heading and state line only.
        ["text"] = entry.Kind == TimelineKind.SummaryPosted ? OneLine(entry.Text) : entry.Text,
        ["link"] = entry.Link,
    };

    private Dictionary<string, object?> Instant(DateTimeOffset at) => new()
    {
        ["utc"] = Utc(at),
        ["local"] = Local(at),
        ["shown"] = Shown(at),
        ["iso"] = Instants.Format(at),
    };

    /// <summary><c>2025-03-30 00:42:00 UTC (2025-03-30 09:42:00 +09:00)</c>, or the UTC time alone when the zone is UTC.</summary>
    public string Shown(DateTimeOffset at) => Zoned ? $"{Utc(at)} UTC ({Local(at)})" : $"{Utc(at)} UTC";

    /// <summary>The first two lines of a posted summary (<c>Catch-up on INC-42: …</c> and its state line) as one.</summary>
    private static string OneLine(string text)
    {
        var lines = text.Split('\n', 3, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return Shorten.ToFit(string.Join(" · ", lines.Take(2)), 200);
    }

    private Dictionary<string, object?>? Instant(DateTimeOffset? at) => at is { } value ? Instant(value) : null;

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    private static string Show(TimeSpan? span) => span is { } value ? Instants.Humanize(value) : "—";
}
