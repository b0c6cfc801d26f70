namespace IncidentBot.Jobs;

/// <summary>
/// Work to run later, once, on any instance: a <paramref name="Kind"/> that names its handler and the handler's
/// <paramref name="Payload"/> (JSON). A <paramref name="Key"/> makes it idempotent (the same key enqueued twice is one
/// job) and lets it be cancelled; jobs of one <paramref name="Lane"/> run one at a time, in the order enqueued; it runs
/// at <paramref name="DueAt"/>, or at once when null.
/// </summary>
internal sealed record JobRequest(string Kind, string Payload, string? Key = null, string? Lane = null, DateTimeOffset? DueAt = null);
