using Dapper;

namespace IncidentBot.Storage;

/// <summary>
/// Copies the write-ahead log back into the database file four times a second, on a connection of its own. SQLite's
/// automatic checkpoint would do it inside whichever commit crosses 1000 pages, with a full sync of the database
/// file, and every request waiting on that commit would wait for it too (hundreds of milliseconds under load).
/// A passive checkpoint never blocks the writer or the readers.
/// </summary>
internal sealed partial class WalCheckpointer(Database database, TimeProvider time, ILogger<WalCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider != "sqlite")
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await CheckpointAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(PASSIVE);", cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The next tick tries again; the log only grows meanwhile.
            LogCheckpointFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpointing the write-ahead log failed")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
