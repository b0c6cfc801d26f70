namespace IncidentBot.Alerts;

/// <summary>The alert notifications of one incident, oldest first, up to a limit, and how many there are in all.</summary>
internal sealed record IncidentAlerts(IReadOnlyList<StoredAlert> Alerts, int Total);
