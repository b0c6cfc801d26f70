using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Postmortems;

/// <summary>
/// Everything the bot knows that a postmortem reports, sorted into its sections. Narrative (causes, what went well
/// or poorly, lessons) is not here: that is for the people who were there.
/// </summary>
public sealed record PostmortemFacts(
    Incident Incident,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<ActionItem> ActionItems,
    IReadOnlyList<TimelineEntry> Alerts,
    IReadOnlyList<TimelineEntry> Updates,
    IReadOnlyList<TimelineEntry> Handoffs,
    IReadOnlyList<TimelineEntry> SeverityChanges,
    IReadOnlyList<TimelineEntry> StatusChanges,
    TimelineEntry? LatestSummary,
    TimelineEntry? DetectingAlert,
    IReadOnlyList<string> Responders,
    IReadOnlyList<BlameFlag> BlameFlags)
{
    public static PostmortemFacts Gather(Incident incident, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<ActionItem> actionItems)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(actionItems);
        var alerts = Of(timeline, TimelineKind.AlertFired, TimelineKind.AlertResolved);
        var firstAlert = alerts.FirstOrDefault(e => e.Kind == TimelineKind.AlertFired);
        var responders = People(incident, timeline, actionItems);
        return new PostmortemFacts(
            incident,
            timeline,
            actionItems,
            alerts,
            Of(timeline, TimelineKind.StatusUpdate),
            Of(timeline, TimelineKind.RoleAssigned),
            Of(timeline, TimelineKind.SeverityChanged),
            Of(timeline, TimelineKind.StatusChanged, TimelineKind.Resolved, TimelineKind.Reopened),
            timeline.LastOrDefault(e => e.Kind == TimelineKind.SummaryPosted),
            // An alert that opened the incident is stored in the same instant as the declaration.
            firstAlert is not null && firstAlert.At <= incident.DeclaredAt ? firstAlert : null,
            responders,
            BlamelessCheck.Check(Passages(incident, timeline), responders));
    }

    /// <summary>The text people wrote: notes, pinned messages, status updates, the resolution and summaries.</summary>
    public static IEnumerable<Passage> Passages(Incident incident, IEnumerable<TimelineEntry> timeline)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(timeline);
        yield return new Passage("title", incident.Title);
        foreach (var entry in timeline)
        {
            var what = entry.Kind switch
            {
                TimelineKind.Note => "note",
                TimelineKind.PinnedMessage => "pinned message",
                TimelineKind.StatusUpdate => "status update",
                TimelineKind.Resolved => "resolution",
                TimelineKind.SummaryPosted => "summary",
                _ => null,
            };
            if (what is not null)
            {
                var at = entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
                yield return new Passage($"{what} by {Commands.People.Display(entry.Actor)} at {at} UTC", entry.Text);
            }
        }
    }

    /// <summary>The people of the incident: role holders, the declarer, owners and those who wrote on the timeline; alert sources are not people.</summary>
    private static List<string> People(Incident incident, IEnumerable<TimelineEntry> timeline, IEnumerable<ActionItem> actionItems)
    {
        var alerting = timeline.Where(e => e.Kind is TimelineKind.AlertFired or TimelineKind.AlertResolved).Select(e => e.Actor).ToHashSet(StringComparer.Ordinal);
        var people = new List<string?> { incident.DeclaredBy, incident.Commander, incident.Scribe, incident.Comms };
        people.AddRange(timeline.Select(e => e.Actor));
        people.AddRange(actionItems.Select(a => a.Owner));
        return people.OfType<string>().Where(p => p.Length > 0 && p != "api" && !alerting.Contains(p))
            .Select(p => Commands.People.Display(p).TrimStart('@')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static List<TimelineEntry> Of(IEnumerable<TimelineEntry> timeline, params TimelineKind[] kinds) =>
        timeline.Where(e => kinds.Contains(e.Kind)).ToList();
}
