namespace IncidentBot.Jobs;

/// <summary>
/// A job as a runner claimed it. <see cref="Runs"/> counts the claims so far, this one included: above one, an earlier
/// run may have done part of the work without recording it. <see cref="Progress"/> is what the handler recorded done.
/// </summary>
internal sealed record Job(
    long Id, string Kind, string? Key, string? Lane, string Payload, int Attempts, int Refusals, int Runs, int Progress, DateTimeOffset CreatedAt);
