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
