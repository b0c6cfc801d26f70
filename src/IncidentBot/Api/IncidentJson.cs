using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Api;

/// <summary>An incident as the JSON API shows it; instants are ISO-8601 UTC with milliseconds.</summary>
internal sealed record IncidentJson(
    int Number,
    string Key,
    string Title,
    string Severity,
    string Status,
    bool Private,
    bool Drill,
    string DeclaredBy,
    RolesJson Roles,
    string StartedAt,
    string DetectedAt,
    string DeclaredAt,
    string? AcknowledgedAt,
    string? MitigatedAt,
    string? ResolvedAt,
    string UpdatedAt,
    DurationsJson Durations)
{
    public static IncidentJson Of(Incident i) => new(
        i.Number, i.Key, i.Title, i.Severity.Label(), i.Status.Name(), i.IsPrivate, i.IsDrill, i.DeclaredBy,
        new RolesJson(i.Commander, i.Scribe, i.Comms),
        Instants.Format(i.StartedAt), Instants.Format(i.DetectedAt), Instants.Format(i.DeclaredAt),
        Format(i.AcknowledgedAt), Format(i.MitigatedAt), Format(i.ResolvedAt), Instants.Format(i.UpdatedAt),
        DurationsJson.Of(i.Durations));

    private static string? Format(DateTimeOffset? at) => at is { } value ? Instants.Format(value) : null;
}

internal sealed record RolesJson(string? Commander, string? Scribe, string? Comms);

/// <summary>Seconds, with milliseconds; null until known.</summary>
internal sealed record DurationsJson(double? TimeToDetect, double? TimeToAcknowledge, double? TimeToMitigate, double? TimeToResolve)
{
    public static DurationsJson Of(IncidentDurations d) =>
        new(d.ToDetect?.TotalSeconds, d.ToAcknowledge?.TotalSeconds, d.ToMitigate?.TotalSeconds, d.ToResolve?.TotalSeconds);
}

internal sealed record TimelineEntryJson(long Id, int Incident, string At, string Actor, string Kind, string Text, string? Link)
{
    public static TimelineEntryJson Of(TimelineEntry e) => new(e.Id, e.IncidentNumber, Instants.Format(e.At), e.Actor, e.Kind.Name(), e.Text, e.Link);
}

internal sealed record ActionItemJson(long Id, int Incident, string Text, string? Owner, string? Due, bool Done, string CreatedBy, string CreatedAt, string? Kind)
{
    public static ActionItemJson Of(ActionItem a) => new(
        a.Id, a.IncidentNumber, a.Text, a.Owner, a.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        a.IsDone, a.CreatedBy, Instants.Format(a.CreatedAt), a.Kind?.Name());
}

internal sealed record IncidentDetailJson(
    IncidentJson Incident, IReadOnlyList<ActionItemJson> ActionItems, IReadOnlyList<Alerts.AlertJson> Alerts, int AlertsTotal);

internal sealed record CommandResultJson(string Command, string Message, IncidentJson? Incident, IReadOnlyList<TimelineEntryJson> Entries);

internal sealed record DeclareRequest(string? Title, System.Text.Json.JsonElement? Severity, bool? Private, bool? Drill, string? User);

internal sealed record CommandRequest(string? User, string? Text);
