using System.Data.Common;
using System.Threading.Channels;

namespace IncidentBot.Storage;

/// <summary>
/// The writer of the database. Work items queue up; a writer runs as many as are waiting (up to the database's
/// <see cref="Database.MaxBatch"/>) in one transaction, commits once, and only then completes each caller's task: a
/// caller is answered only after its write is durable. On SQLite one writer batches a burst into one transaction, and
/// the commits are synced to disk beside it (<see cref="Database.SyncCommitted"/>): one sync covers every batch committed
/// while the previous sync ran, so the writer never waits on the disk and the disk never waits on the writer. On
/// PostgreSQL several writers run one item each in parallel, each commit durable by itself, so that instances locking
/// the same incidents never wait on each other's batches. Work items must touch nothing but the database through their
/// <see cref="WriteScope"/>, since a failed batch is run again item by item.
/// </summary>
internal sealed partial class DatabaseWriter(
    Database database, IEnumerable<IEntryFollowUp> followUps, CommitSignal commitSignal, TimeProvider time, ILogger<DatabaseWriter> logger)
    : BackgroundService
{
    private readonly IEntryFollowUp[] _followUps = [.. followUps];

    private readonly Channel<Work> _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(20_000)
    {
        SingleReader = false,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Work committed but not yet on disk, in commit order; only where commits are not durable by themselves.</summary>
    private readonly Unsynced _committed = new();

    private int _checkpointWanted;

    /// <summary>Whether no write is waiting: a checkpoint run beside the writer now holds nobody up.</summary>
    public bool Idle => _queue.Reader.Count == 0;

    /// <summary>
    /// Asks for a truncating checkpoint on the writer's own connection, after its current batch and before the next.
    /// Run there, it waits for no writer: run on another connection while writes keep coming, every write it holds
    /// back sleeps in SQLite's busy handler, which wakes in steps of up to 25 ms and so outlasts the checkpoint itself.
    /// </summary>
    public void RequestCheckpoint() => Interlocked.Exchange(ref _checkpointWanted, 1);

    private async Task CheckpointAsync(DbConnection connection)
    {
        try
        {
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbException exception)
        {
            LogCheckpointFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A truncating checkpoint on the writer's connection failed; the checkpointer tries again")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);

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
        // The sync blocks in the kernel for as long as the disk takes: a thread of its own, so that it never holds a
        // thread of the pool that requests are served from.
        var synced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var syncer = new Thread(() =>
        {
            SyncLoop();
            synced.SetResult();
        })
        {
            IsBackground = true,
            Name = "IncidentBot database sync",
        };
        syncer.Start();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, database.Writers).Select(_ => Task.Run(WriteLoopAsync, CancellationToken.None))).ConfigureAwait(false);
        }
        finally
        {
            _committed.Close();
            await synced.Task.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Syncs what the writer has committed and answers its callers: everything committed before a sync starts is on disk
    /// when it returns. If the sync fails, the callers get the failure: their writes may not survive a power cut.
    /// </summary>
    private void SyncLoop()
    {
        var spare = new List<Work>();
        while (_committed.TakeAll(spare) is { } synced)
        {
            try
            {
                database.SyncCommitted();
                synced.ForEach(work => work.Complete());
                if (synced.Exists(work => work.Rings))
                {
                    commitSignal.Ring();
                }
            }
            catch (Exception exception)
            {
                LogSyncFailed(logger, synced.Count, exception);
                var failure = new DiskSyncException("The write was committed but could not be synced to disk.", exception);
                synced.ForEach(work => work.Fail(failure));
            }

            synced.Clear();
            spare = synced;
        }
    }

    private async Task WriteLoopAsync()
    {
        var maxBatch = database.MaxBatch;
        var batch = new List<Work>(maxBatch);
        var reader = _queue.Reader;

        // Each writer keeps its connection and its prepared statements between batches (set up once, never rented per
        // batch); a failure closes them and the next batch opens a fresh connection.
        Session? session = null;
        try
        {
            while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (batch.Count < maxBatch && reader.TryRead(out var work))
                {
                    batch.Add(work);
                }

                session = await CommitAsync(batch, session).ConfigureAwait(false);
                batch.Clear();
                if (Interlocked.Exchange(ref _checkpointWanted, 0) == 1 && session is not null)
                {
                    await CheckpointAsync(session.Connection).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<Session?> CommitAsync(List<Work> batch, Session? session)
    {
        bool committed;
        bool answered;
        (committed, answered, session) = await TryCommitAsync(batch, session).ConfigureAwait(false);
        if (committed)
        {
            Committed(batch);
            return session;
        }

        if (answered)
        {
            // Already failed alone, or all together on storage: running it again could store what its caller was told
            // had failed.
            return session;
        }

        // Something in the batch failed and the whole transaction rolled back: run each item alone, so one bad
        // item fails by itself and the others still land.
        foreach (var work in batch)
        {
            (committed, _, session) = await TryCommitAsync([work], session).ConfigureAwait(false);
            if (committed)
            {
                Committed([work]);
            }
        }

        return session;
    }

    /// <summary>Answers the callers now if the commit is durable, else once the sync after it is done.</summary>
    private void Committed(List<Work> works)
    {
        if (database.CommitsAreDurable)
        {
            works.ForEach(work => work.Complete());
        }
        else
        {
            _committed.Add(works);
        }
    }

    /// <summary>
    /// Runs the items in one transaction and commits; false (rolled back, the connection closed) if any item or the
    /// commit threw. A failure of the storage itself is tried once more on a fresh connection, with the pool cleared
    /// first where the fault lives in the pooled connections (opened read-only, or to a server that went away); not
    /// once the commit was under way, since it may have landed. Answered: the callers were told of the failure, as a
    /// lone item is, and every item of a batch that failed on storage (alone, each would only fail the same way).
    /// Returns the session to use next.
    /// </summary>
    private async Task<(bool Committed, bool Answered, Session? Session)> TryCommitAsync(IReadOnlyList<Work> items, Session? session)
    {
        for (var attempt = 1; ; attempt++)
        {
            var committing = false;
            try
            {
                session ??= new Session(await database.OpenForWritingAsync(CancellationToken.None).ConfigureAwait(false));
                var connection = session.Connection;
                await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
                var batch = new WriteBatch(connection, transaction, session.Statements);
                var store = new SqlIncidentStore(database, connection, transaction, session.Statements);
                var ledger = new BatchLedger(store, batch, _followUps, time);
                foreach (var work in items)
                {
                    await work.RunAsync(new WriteScope(batch, ledger, time.GetUtcNow())).ConfigureAwait(false);
                }

                committing = true;
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                if (batch.RingsOnCommit)
                {
                    foreach (var work in items)
                    {
                        work.Rings = true;
                    }

                    if (database.CommitsAreDurable)
                    {
                        commitSignal.Ring();
                    }
                }

                return (true, false, session);
            }
            catch (Exception exception)
            {
                if (session is not null)
                {
                    await session.DisposeAsync().ConfigureAwait(false);
                    session = null;
                }

                var fault = StorageFault.Of(exception);
                if (fault is not null && attempt == 1 && !committing)
                {
                    if (fault.ClearsPool)
                    {
                        database.ClearPool();
                    }

                    LogRetrying(logger, fault.Cause);
                    continue;
                }

                if (items.Count == 1 || fault is not null)
                {
                    LogWriteFailed(logger, exception);
                    foreach (var work in items)
                    {
                        work.Fail(exception);
                    }

                    return (false, true, null);
                }

                return (false, false, null);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A database write failed on storage ({Cause}); trying it again on a fresh connection")]
    private static partial void LogRetrying(ILogger logger, string cause);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Syncing {Count} committed writes to disk failed; their callers are told they failed")]
    private static partial void LogSyncFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A database write failed and was rolled back")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);

    /// <summary>
    /// Work committed but not yet on disk, in commit order, handed from the writers to the sync thread: one lock per
    /// batch, and the sync thread sleeps (without spinning) until there is some.
    /// </summary>
    private sealed class Unsynced
    {
        private readonly object _gate = new();
        private List<Work> _waiting = [];
        private bool _closed;

        public void Add(List<Work> works)
        {
            lock (_gate)
            {
                _waiting.AddRange(works);
                Monitor.Pulse(_gate);
            }
        }

        /// <summary>No more work comes; the sync thread ends once it has synced what is waiting.</summary>
        public void Close()
        {
            lock (_gate)
            {
                _closed = true;
                Monitor.Pulse(_gate);
            }
        }

        /// <summary>
        /// Waits for work and takes all of it, leaving <paramref name="spare"/> (empty) in its place; null once closed
        /// and drained.
        /// </summary>
        public List<Work>? TakeAll(List<Work> spare)
        {
            lock (_gate)
            {
                while (_waiting.Count == 0 && !_closed)
                {
                    Monitor.Wait(_gate);
                }

                if (_waiting.Count == 0)
                {
                    return null;
                }

                var taken = _waiting;
                _waiting = spare;
                return taken;
            }
        }
    }

    /// <summary>A writer's connection and the statements it keeps prepared.</summary>
    private sealed class Session(DbConnection connection) : IAsyncDisposable
    {
        public DbConnection Connection { get; } = connection;

        public PreparedStatements Statements { get; } = new(connection);

        public async ValueTask DisposeAsync()
        {
            await Statements.DisposeAsync().ConfigureAwait(false);
            await Connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private abstract class Work
    {
        /// <summary>Whether the batch that committed this work stored work for later, so its sync rings the signal.</summary>
        public bool Rings { get; set; }

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
