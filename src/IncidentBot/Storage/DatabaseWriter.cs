using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Storage;

/// <summary>
/// The single writer of the database. Work items queue up; the writer runs as many as are waiting (up to
/// <see cref="MaxBatch"/>) in one transaction, each inside its own savepoint, commits once, and only then completes
/// each caller's task: a caller is answered only after its write is durable, and a burst costs one fsync, not one per request.
/// </summary>
internal sealed partial class DatabaseWriter(SqliteDatabase database, TimeProvider time, ILogger<DatabaseWriter> logger)
    : BackgroundService
{
    public const int MaxBatch = 256;

    private readonly Channel<Work> _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(20_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Runs <paramref name="work"/> in the next batch and returns its result once the batch is committed.</summary>
    public async Task<T> WriteAsync<T>(Func<WriteScope, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var item = new Work<T>(work);
        if (!_queue.Writer.TryWrite(item))
        {
            try
            {
                await _queue.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
            }
            catch (ChannelClosedException)
            {
                throw new InvalidOperationException("IncidentBot is shutting down and takes no more writes.");
            }
        }

        return await item.Result.ConfigureAwait(false);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop taking work; what is queued is still written before the loop ends.
        _queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Work>(MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var work))
            {
                batch.Add(work);
            }

            await CommitAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Work> batch)
    {
        try
        {
            await using var connection = await database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
            var ledger = new SqliteIncidentStore(connection, transaction);
            foreach (var work in batch)
            {
                var scope = new WriteScope(connection, transaction, ledger, time.GetUtcNow());
                await transaction.SaveAsync("work").ConfigureAwait(false);
                try
                {
                    await work.RunAsync(scope).ConfigureAwait(false);
                    await transaction.ReleaseAsync("work").ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not SqliteException { SqliteErrorCode: 10 or 13 })
                {
                    // One failing item must not take the rest of the batch down with it.
                    await transaction.RollbackAsync("work").ConfigureAwait(false);
                    await transaction.ReleaseAsync("work").ConfigureAwait(false);
                    work.Fail(exception);
                }
            }

            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogBatchFailed(logger, exception, batch.Count);
            foreach (var work in batch)
            {
                work.Fail(exception);
            }

            return;
        }

        foreach (var work in batch)
        {
            work.Complete();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} database writes failed and was rolled back")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    private abstract class Work
    {
        public abstract Task RunAsync(WriteScope scope);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class Work<T>(Func<WriteScope, CancellationToken, Task<T>> work) : Work
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private bool _failed;

        public Task<T> Result => _done.Task;

        public override async Task RunAsync(WriteScope scope) => _result = await work(scope, CancellationToken.None).ConfigureAwait(false);

        public override void Complete()
        {
            if (!_failed)
            {
                _done.TrySetResult(_result!);
            }
        }

        public override void Fail(Exception exception)
        {
            _failed = true;
            _done.TrySetException(exception);
        }
    }
}
