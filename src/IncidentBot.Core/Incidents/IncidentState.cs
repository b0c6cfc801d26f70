namespace IncidentBot.Incidents;

/// <summary>The stored shape of an <see cref="Incident"/>: what storage reads and writes.</summary>
public sealed record IncidentState(
    int Number,
    string Title,
    Severity Severity,
    IncidentStatus Status,
    bool IsPrivate,
    bool IsDrill,
    string DeclaredBy,
    string? Commander,
    string? Scribe,
    string? Comms,
    DateTimeOffset StartedAt,
    DateTimeOffset DetectedAt,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? MitigatedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset UpdatedAt);
