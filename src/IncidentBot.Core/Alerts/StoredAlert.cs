namespace IncidentBot.Alerts;

/// <summary>An alert notification as stored, with what became of it.</summary>
public sealed record StoredAlert(
    long Id,
    Alert Alert,
    string GroupKey,
    AlertDecision? Decision,
    int? IncidentNumber,
    DateTimeOffset ReceivedAt);
