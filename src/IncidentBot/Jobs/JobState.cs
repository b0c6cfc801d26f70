namespace IncidentBot.Jobs;

/// <summary>The states a job is stored in, as written in the <c>jobs.state</c> column.</summary>
internal static class JobState
{
    /// <summary>Waiting to run, or running under a lease; retried after a failure.</summary>
    public const string Pending = "pending";

    public const string Done = "done";

    /// <summary>Refused too often: kept and shown, never retried until an operator says so.</summary>
    public const string SetAside = "set-aside";

    /// <summary>No longer needed (a reminder whose role was taken): never runs.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>A set-aside job an operator gave up on.</summary>
    public const string Dropped = "dropped";
}
