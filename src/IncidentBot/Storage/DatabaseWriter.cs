using System.Data.Common;
using System.Threading.Channels;

namespace IncidentBot.Storage;

/// <summary>
/// The writer of the database. Work items queue up; a writer runs as many as are waiting (up to the database's
/// <see cref="Database.MaxBatch"/>) in one transaction, commits once, and only then completes each caller's task: a
/// caller is answered only after its write is durable. On SQLite one writer batches a burst into one fsync; on
/// PostgreSQL several writers run one item each in parallel, so that instances locking the same incidents never wait
/// on each other's batches. Work items must touch nothing but the database through their <see cref="WriteScope"/>,
/// since a failed batch is run again item by item.
/// </summary>
internal sealed partial class DatabaseWriter(
    Database database, Chat.ChatPlatforms chat, TimeProvider time, ILogger<DatabaseWriter> logger) : BackgroundService
{
    private readonly Channel<Work> _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(20_000)
    {
        SingleReader = false,
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

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, database.Writers).Select(_ => Task.Run(WriteLoopAsync, CancellationToken.None)));

    private async Task WriteLoopAsync()
    {
        var maxBatch = database.MaxBatch;
        var batch = new List<Work>(maxBatch);
        var reader = _queue.Reader;

        // Each writer keeps its connection between batches (set up once, never rented per batch); a failure closes
        // it and the next batch opens a fresh one.
        DbConnection? connection = null;
        try
        {
            while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (batch.Count < maxBatch && reader.TryRead(out var work))
                {
                    batch.Add(work);
                }

                connection = await CommitAsync(batch, connection).ConfigureAwait(false);
                batch.Clear();
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<DbConnection?> CommitAsync(List<Work> batch, DbConnection? connection)
    {
        bool committed;
        (committed, connection) = await TryCommitAsync(batch, connection).ConfigureAwait(false);
        if (committed)
        {
            batch.ForEach(work => work.Complete());
            return connection;
        }

        // Something in the batch failed and the whole transaction rolled back: run each item alone, so one bad
        // item fails by itself and the others still land.
        foreach (var work in batch)
        {
            (committed, connection) = await TryCommitAsync([work], connection).ConfigureAwait(false);
            if (committed)
            {
                work.Complete();
            }
        }

        return connection;
    }

    /// <summary>
    /// Runs the items in one transaction and commits; false (rolled back, the connection closed) if any item or the
    /// commit threw. Returns the connection to use next.
    /// </summary>
    private async Task<(bool Committed, DbConnection? Connection)> TryCommitAsync(IReadOnlyList<Work> items, DbConnection? connection)
    {
        try
        {
            connection ??= await database.OpenForWritingAsync(CancellationToken.None).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
            await using var store = new SqlIncidentStore(database, connection, transaction, chat.Names);
            var ledger = new BatchLedger(store);
            foreach (var work in items)
            {
                await work.RunAsync(new WriteScope(connection, transaction, ledger, time.GetUtcNow())).ConfigureAwait(false);
            }

            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            chat.Ring();
            return (true, connection);
        }
        catch (Exception exception)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            if (items.Count == 1)
            {
                LogWriteFailed(logger, exception);
                items[0].Fail(exception);
            }

            return (false, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A database write failed and was rolled back")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);

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
