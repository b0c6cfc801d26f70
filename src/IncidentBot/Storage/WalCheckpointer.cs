using Dapper;
using Microsoft.Extensions.Options;

namespace IncidentBot.Storage;

/// <summary>
/// Copies the write-ahead log back into the database file four times a second, on a connection of its own, and keeps
/// the log within <see cref="StorageOptions.MaxWalMegabytes"/>. SQLite's automatic checkpoint would do it inside
/// whichever commit crosses 1000 pages, with a full sync of the database file, and every request waiting on that
/// commit would wait for it too. A passive checkpoint never blocks the writer or the readers, but under steady writes
/// it never catches up either: the writer always has frames past the last one copied, so the log never starts over
/// and its file only grows. So the log's size is looked at twenty times a second, and when the log, growing as fast
/// as it grew since the last look, would pass the bound by the next, the checkpoint is a truncating one: it waits for
/// the writer's transaction in hand, holds the next one back while it copies the rest and waits for the readers, and
/// cuts the file to nothing.
/// </summary>
internal sealed partial class WalCheckpointer(
    Database database, DatabaseWriter writer, IOptions<StorageOptions> options, TimeProvider time, ILogger<WalCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>How often the log's size is looked at: a file's length is cheap to read.</summary>
    public static readonly TimeSpan Look = TimeSpan.FromMilliseconds(50);

    private long _lastSize;
    private int _looks;

    /// <summary>The size of the log file now, in bytes: 0 where there is none.</summary>
    public static long LogSize(Database database)
    {
        ArgumentNullException.ThrowIfNull(database);
        try
        {
            return database.WalFile is { } file && new FileInfo(file) is { Exists: true } info ? info.Length : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider != "sqlite")
        {
            return;
        }

        using var timer = new PeriodicTimer(Look, time);
        var looksPerInterval = (int)(Interval / Look);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await CheckpointAsync(++_looks % looksPerInterval == 0, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task CheckpointAsync(bool passive, CancellationToken cancellationToken)
    {
        var bound = options.Value.MaxWalBytes;
        var size = LogSize(database);
        var growth = Math.Max(0, size - _lastSize);
        var truncate = bound > 0 && size + (2 * growth) >= bound;
        _lastSize = size;
        if (!truncate && !passive)
        {
            return;
        }

        if (truncate && !writer.Idle)
        {
            // Writes keep coming: the writer truncates between two of its batches, holding nobody in a busy handler.
            writer.RequestCheckpoint();
            return;
        }

        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (truncate)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    $"PRAGMA busy_timeout = {SqliteDatabase.BusyTimeoutMilliseconds};", cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            var (busy, _, _) = await connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>(new CommandDefinition(
                truncate ? "PRAGMA wal_checkpoint(TRUNCATE);" : "PRAGMA wal_checkpoint(PASSIVE);", cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (truncate && busy != 0)
            {
                LogBoundMissed(logger, size, bound);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The next tick tries again; the log only grows meanwhile.
            LogCheckpointFailed(logger, exception);
        }

        _lastSize = LogSize(database);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpointing the write-ahead log failed")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The write-ahead log ({Size} bytes) could not be cut back under its bound of {Bound} bytes: a reader or the writer held it too long; trying again")]
    private static partial void LogBoundMissed(ILogger logger, long size, long bound);
}
