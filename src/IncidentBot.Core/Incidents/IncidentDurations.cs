namespace IncidentBot.Incidents;

/// <summary>
/// The response figures, each null until its instant is known. Detect and acknowledge measure the gaps between
/// consecutive instants; mitigate and resolve are measured from the start of impact, as customers feel them.
/// </summary>
public sealed record IncidentDurations(
    TimeSpan? ToDetect,
    TimeSpan? ToAcknowledge,
    TimeSpan? ToMitigate,
    TimeSpan? ToResolve)
{
    public static IncidentDurations Of(Incident incident) => new(
        incident.DetectedAt - incident.StartedAt,
        incident.AcknowledgedAt - incident.DetectedAt,
        incident.MitigatedAt - incident.StartedAt,
        incident.ResolvedAt - incident.StartedAt);
}
