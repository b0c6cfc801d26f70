using Microsoft.Extensions.Options;

namespace IncidentBot.Jobs;

/// <summary>
/// The queue's own upkeep, as a job of the queue: every hour, deletes jobs finished longer ago than
/// <see cref="JobsOptions.KeepFinishedHours"/>, and runners silent as long. One job for the whole installation (its key).
/// </summary>
internal sealed partial class JobsPurge(JobStore store, IOptions<JobsOptions> options, TimeProvider time, ILogger<JobsPurge> logger) : IJobHandler
{
    public const string JobKind = "jobs.purge";

    public static JobRequest Request { get; } = new(JobKind, "{}", Key: JobKind);

    public string Kind => JobKind;

    public async Task RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = time.GetUtcNow();
        var purged = await store.PurgeAsync(now - TimeSpan.FromHours(options.Value.KeepFinishedHours), cancellationToken).ConfigureAwait(false);
        if (purged > 0)
        {
            LogPurged(logger, purged);
        }

        job.RunAgainAt(now + TimeSpan.FromHours(1));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} finished jobs past their keeping time")]
    private static partial void LogPurged(ILogger logger, int count);
}
