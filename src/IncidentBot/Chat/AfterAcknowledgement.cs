using System.Collections.Concurrent;

namespace IncidentBot.Chat;

/// <summary>
/// Work that finishes after a chat platform has been answered (a slow command's reply, a modal to open), tracked so
/// that shutdown waits for it; a failure is logged, never thrown at a request that has already been answered.
/// </summary>
internal sealed partial class AfterAcknowledgement(ILogger<AfterAcknowledgement> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public void Run(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var task = Task.Run(async () =>
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception);
            }
        });
        _running[task] = 0;
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>
    /// Waits for <paramref name="work"/> at most <paramref name="budget"/>: its result when it is done by then (Done
    /// true), else Done false now, and <paramref name="later"/> gets the result when it comes, tracked as by
    /// <see cref="Run"/>.
    /// </summary>
    public async Task<(bool Done, T? Result)> WithinAsync<T>(Task<T> work, TimeSpan budget, TimeProvider time, Func<T, Task> later)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(later);
        if (await Task.WhenAny(work, Task.Delay(budget, time, CancellationToken.None)).ConfigureAwait(false) == work)
        {
            return (true, await work.ConfigureAwait(false));
        }

        Run(async () => await later(await work.ConfigureAwait(false)).ConfigureAwait(false));
        return (false, default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutdown ran out of time; what is left is logged by its own task if it fails.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Work after a chat acknowledgement failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
