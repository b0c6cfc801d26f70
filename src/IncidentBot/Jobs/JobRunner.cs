using System.Data.Common;
using IncidentBot.Chat;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Jobs;

/// <summary>
/// The one runner of the durable work queue. It claims due jobs under a lease, up to <see cref="JobsOptions.Concurrency"/>
/// at a time, and claims again as soon as any of them ends, so a slow job (one room's slow platform) never holds the
/// others. It wakes at once when this instance commits new work, and otherwise every poll, for scheduled jobs and other
/// instances' jobs. A failure is retried with exponential backoff, after a Retry-After when the far side gave one; after
/// <see cref="JobsOptions.MaxRefusals"/> refusals the job is set aside. On stop it claims nothing more, lets the jobs under
/// way finish (a call cut off half-way could have reached the far side), and hands its leases back.
/// </summary>
internal sealed partial class JobRunner(
    JobStore store,
    IEnumerable<IJobHandler> handlers,
    CommitSignal committed,
    Database database,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<JobRunner> logger) : BackgroundService
{
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    /// <summary>Jobs that ended well, waiting to be recorded done together: one write for all that ended meanwhile.</summary>
    private readonly System.Threading.Channels.Channel<(long Id, TaskCompletionSource Recorded)> _finished =
        System.Threading.Channels.Channel.CreateUnbounded<(long, TaskCompletionSource)>(new() { SingleReader = true });

    /// <summary>This instance, as written on the jobs it leases.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var lease = TimeSpan.FromSeconds(settings.LeaseSeconds);
        var deadAfter = TimeSpan.FromSeconds(settings.DeadAfterSeconds);
        await StartAsync().ConfigureAwait(false);
        var recorder = Task.Run(RecordFinishedAsync, CancellationToken.None);

        var running = new List<Task>();
        var ring = committed.WaitAsync(stoppingToken);
        var lastBeat = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var free = settings.Concurrency - running.Count;
            var claimed = 0;
            try
            {
                if (time.GetUtcNow() - lastBeat >= TimeSpan.FromSeconds(settings.HeartbeatSeconds))
                {
                    await store.BeatAsync(Owner, CancellationToken.None).ConfigureAwait(false);
                    lastBeat = time.GetUtcNow();
                }

                if (free > 0)
                {
                    foreach (var job in await store.ClaimAsync(Owner, free, lease, deadAfter, CancellationToken.None).ConfigureAwait(false))
                    {
                        running.Add(Task.Run(() => RunAsync(job, lease), CancellationToken.None));
                        claimed++;
                    }
                }
            }
            catch (Exception exception)
            {
                LogClaimFailed(logger, exception);
            }

            if (claimed == 0 || claimed < free)
            {
                // Nothing more is due now: wait for new work, a job to end (its lane's next job may be due), or the poll.
                using var nap = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var poll = Task.Delay(TimeSpan.FromMilliseconds(settings.PollMilliseconds), time, nap.Token);
                Task[] wakers = running.Count == 0 ? [ring, poll] : [ring, poll, Task.WhenAny(running)];
                await Task.WhenAny(wakers).ConfigureAwait(false);
                await nap.CancelAsync().ConfigureAwait(false);
                if (ring.IsCompleted && !stoppingToken.IsCancellationRequested)
                {
                    ring = committed.WaitAsync(stoppingToken);
                }
            }

            running.RemoveAll(task => task.IsCompleted);
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        _finished.Writer.TryComplete();
        await recorder.ConfigureAwait(false);
        await HandBackAsync().ConfigureAwait(false);
    }

    /// <summary>Records finished jobs done, as many per write as ended while the previous write ran.</summary>
    private async Task RecordFinishedAsync()
    {
        var batch = new List<(long Id, TaskCompletionSource Recorded)>();
        while (await _finished.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (batch.Count < 500 && _finished.Reader.TryRead(out var finished))
            {
                batch.Add(finished);
            }

            try
            {
                await store.FinishAsync([.. batch.Select(b => b.Id)], Owner, CancellationToken.None).ConfigureAwait(false);
                batch.ForEach(b => b.Recorded.TrySetResult());
            }
            catch (Exception exception)
            {
                batch.ForEach(b => b.Recorded.TrySetException(exception));
            }

            batch.Clear();
        }
    }

    /// <summary>
    /// Says this runner is alive and starts the queue's own upkeep. One SQLite instance hands back every lease it finds:
    /// whoever held them died with the previous run, so their rooms resume at once instead of after the lease.
    /// </summary>
    private async Task StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (database.Provider == "sqlite")
                {
                    await store.ReleaseAsync(Owner, everyone: true, CancellationToken.None).ConfigureAwait(false);
                }

                await store.BeatAsync(Owner, CancellationToken.None).ConfigureAwait(false);
                await store.EnqueueAsync(JobsPurge.Request, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is DbException or IOException or InvalidOperationException && attempt < 5)
            {
                LogClaimFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(attempt), time).ConfigureAwait(false);
            }
        }
    }

    private async Task HandBackAsync()
    {
        try
        {
            await store.ReleaseAsync(Owner, everyone: false, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The writer may be gone already; the leases then run out, or the heartbeat tells the others.
            LogClaimFailed(logger, exception);
        }
    }

    private async Task RunAsync(Job job, TimeSpan lease)
    {
        var context = new JobContext(job, store, Owner, lease);
        try
        {
            var handler = _handlers.GetValueOrDefault(job.Kind)
                ?? throw new ChatDeliveryException($"No handler runs jobs of kind '{job.Kind}' in this build.", refused: true);
            await handler.RunAsync(context, CancellationToken.None).ConfigureAwait(false);
            if (context.AgainAt is { } at)
            {
                await store.RunAgainAsync(job.Id, Owner, at, CancellationToken.None).ConfigureAwait(false);
            }
            else if (!context.Finished)
            {
                var recorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _finished.Writer.TryWrite((job.Id, recorded));
                await recorded.Task.ConfigureAwait(false);
            }
        }
        catch (JobLostException)
        {
            LogLost(logger, job.Id, job.Kind);
        }
        catch (Exception exception)
        {
            await FailAsync(job, exception).ConfigureAwait(false);
        }
    }

    private async Task FailAsync(Job job, Exception exception)
    {
        var settings = options.Value;
        var (refused, retryAfter) = Classify(exception);
        var attempts = job.Attempts + 1;
        var setAside = refused && job.Refusals + 1 >= settings.MaxRefusals;
        var backoff = TimeSpan.FromMilliseconds(settings.RetryBaseDelayMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 20)));
        var delay = retryAfter is { } hinted && hinted > backoff ? hinted : backoff;
        var longest = TimeSpan.FromSeconds(settings.RetryMaxDelaySeconds);
        delay = delay > longest ? longest : delay;
        var error = exception is ChatDeliveryException ? exception.Message : exception.GetType().Name + ": " + exception.Message;
        LogFailed(logger, job.Kind, job.Id, attempts, setAside, error);
        try
        {
            await store.FailAsync(job, Owner, refused, Shorten.ToFit(error, 2000), delay, setAside, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception recording)
        {
            // The job stays leased; its lease runs out and it is run again.
            LogClaimFailed(logger, recording);
        }
    }

    /// <summary>
    /// Whether a failure is the far side's refusal (counted towards setting the job aside) and how long it asked us to
    /// wait. An outage (unreachable, timed out, 5xx, the database down) is retried for as long as it lasts; any other
    /// exception is a fault in the job itself, which would fail the same way again, so it counts as a refusal.
    /// </summary>
    internal static (bool Refused, TimeSpan? RetryAfter) Classify(Exception exception) => exception switch
    {
        ChatDeliveryException failure => (failure.Refused, failure.RetryAfter),
        DbException or IOException or TimeoutException or HttpRequestException or OperationCanceledException => (false, null),
        _ => (true, null),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Kind} {Id} failed (attempt {Attempt}, set aside: {SetAside}): {Error}")]
    private static partial void LogFailed(ILogger logger, string kind, long id, int attempt, bool setAside, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Id} ({Kind}) was taken over by another instance; this run stopped")]
    private static partial void LogLost(ILogger logger, long id, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "The job runner could not reach the queue; it goes on")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);
}
