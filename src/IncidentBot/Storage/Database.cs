using System.Data.Common;

namespace IncidentBot.Storage;

/// <summary>
/// The database the bot stores everything in: SQLite (embedded, one instance) or PostgreSQL (several instances may
/// share it). The SQL is common to both; what differs is here and in each provider's migrations.
/// </summary>
internal abstract class Database
{
    /// <summary><c>sqlite</c> or <c>postgres</c>: also the folder of the provider's migrations.</summary>
    public abstract string Provider { get; }

    /// <summary>Where the data is, for messages: a file, or host and database (never a password).</summary>
    public abstract string Describe { get; }

    /// <summary>
    /// Appended to a read of an incident inside a write transaction, so that two instances changing one incident
    /// take turns instead of overwriting each other.
    /// </summary>
    public virtual string LockRowsForUpdate => "";

    /// <summary>
    /// Run before numbering a new incident inside the write transaction, so that instances declaring at the same
    /// moment take turns and the numbers stay consecutive; null where one writer numbers them all.
    /// </summary>
    public virtual string? SerializeNumbering => null;

    /// <summary>How many writers run transactions at once.</summary>
    public virtual int Writers => 1;

    /// <summary>The most work items one write transaction takes.</summary>
    public virtual int MaxBatch => 256;

    /// <summary>
    /// Whether a commit of the writer is on disk once it returns. Where it is not, the writer answers nobody before
    /// <see cref="SyncCommitted"/> has put its commit on disk.
    /// </summary>
    public virtual bool CommitsAreDurable => true;

    /// <summary>
    /// Puts every commit the writer has made so far on disk, returning once they are there; called by one thread at a
    /// time, beside the writer's next transaction. Nothing to do where commits are durable by themselves.
    /// </summary>
    public virtual void SyncCommitted()
    {
    }

    /// <summary>A pooled connection for reading, or for a rare write outside the writer.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A connection for a health probe, reaching the database as it is now. A pooled connection by default (a pooled
    /// PostgreSQL connection to a server that went away fails); SQLite opens the file afresh, see its override.
    /// </summary>
    public virtual Task<DbConnection> OpenForProbeAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>A connection for the writer, set up for its commits.</summary>
    public virtual Task<DbConnection> OpenForWritingAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>
    /// Drops the idle pooled connections, and those in use once they are returned: after a fault that lives in the
    /// connections themselves (opened read-only, or to a server that went away), the next one is opened afresh.
    /// </summary>
    public abstract void ClearPool();

    /// <summary>SQLite's write-ahead log file, whose size is bounded and shown in the metrics; null elsewhere.</summary>
    public virtual string? WalFile => null;

    /// <summary>
    /// The cheapest write that must reach the disk at commit, run inside the writer's transaction by the readiness
    /// probe: it fails whenever the writes of requests would.
    /// </summary>
    public abstract Task ProbeWriteAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> while holding the installation-wide migration lock.</summary>
    public virtual Task<T> WithMigrationLockAsync<T>(DbConnection connection, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work();
    }
}
