using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IncidentBot.Storage;

/// <summary>
/// The embedded SQLite file, in WAL mode. The writer's commits are synced to disk before anyone is answered, but not by
/// SQLite inside the commit: the writer's connection commits with <c>synchronous = NORMAL</c> (the log is written, not
/// yet synced) and <see cref="SyncCommitted"/> fsyncs the log on another thread while the writer runs its next batch.
/// One fsync then covers every batch committed while the previous one ran, and the writer never sits idle on the disk.
/// Readers (dashboard, outbox) may see a commit in the moment before its fsync returns; its writer has not been told it
/// is stored until then, and a crash of the process alone loses nothing committed (only a power cut could).
/// </summary>
internal sealed class SqliteDatabase : Database, IDisposable
{
    private readonly string _connectionString;
    private readonly string? _probeConnectionString;
    private readonly long _maxWalBytes;
    private readonly Lock _gate = new();
    private volatile string? _logFile;
    private SqliteConnection? _keeper;
    private FileStream? _log;

    public SqliteDatabase(IOptions<StorageOptions> options)
    {
        var builder = new SqliteConnectionStringBuilder(options.Value.ConnectionString)
        {
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        };
        if (!InMemory(builder) && !IsUri(builder.DataSource))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        _connectionString = builder.ToString();
        _probeConnectionString = ProbeConnectionString(builder);
        _maxWalBytes = options.Value.MaxWalBytes;
        Describe = builder.DataSource;
        WalFile = InMemory(builder) || IsUri(builder.DataSource) ? null : Path.GetFullPath(builder.DataSource) + "-wal";
    }

    public override string Provider => "sqlite";

    public override string Describe { get; }

    public override string? WalFile { get; }

    /// <summary>Connections opened while the file could only be read stay read-only for as long as they live.</summary>
    public override void ClearPool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Setting the schema cookie SQLite leaves to applications writes a page at commit.</summary>
    public override async Task ProbeWriteAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = $"PRAGMA user_version = {version};";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(_connectionString, cancellationToken);

    /// <summary>
    /// A file database is opened afresh, not from the pool: a pooled connection opened before the file was deleted can
    /// still read the deleted file. It may not create the file, so a probe never leaves an empty database where the
    /// real one was. A database in memory has no file to lose and is probed through the pool, where it lives.
    /// </summary>
    public override Task<DbConnection> OpenForProbeAsync(CancellationToken cancellationToken) =>
        OpenAsync(_probeConnectionString ?? _connectionString, cancellationToken);

    /// <summary>Whether the database lives in memory (or is a temporary one), with no file of its own.</summary>
    private static bool InMemory(SqliteConnectionStringBuilder builder) =>
        builder.Mode == SqliteOpenMode.Memory || builder.DataSource is not { Length: > 0 } source ||
        source.Contains(":memory:", StringComparison.Ordinal) || source.Contains("mode=memory", StringComparison.OrdinalIgnoreCase);

    /// <summary>A "file:" name, which may carry its own mode and other options: it is left as given.</summary>
    private static bool IsUri(string source) => source.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    private static string? ProbeConnectionString(SqliteConnectionStringBuilder builder)
    {
        if (InMemory(builder))
        {
            return null;
        }

        var probe = new SqliteConnectionStringBuilder(builder.ToString()) { Pooling = false };
        if (probe.Mode == SqliteOpenMode.ReadWriteCreate && !IsUri(builder.DataSource))
        {
            probe.Mode = SqliteOpenMode.ReadWrite;
        }

        return probe.ToString();
    }

    private static async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async Task<DbConnection> OpenForWritingAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A file in WAL mode is synced by SyncCommitted after each commit; anything else (a database in memory)
            // syncs inside the commit. No automatic checkpoint inside a commit: WalCheckpointer does it beside the
            // writer, so no request waits for it. When the log restarts, its file is cut back to the bound; and while
            // WalCheckpointer holds the log to bring it back under the bound, the writer waits for it here in SQLite
            // (short steps) rather than in the driver's retry loop (150 ms each).
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "SELECT file FROM pragma_database_list WHERE name = 'main'; PRAGMA journal_mode;";
            string? file = null;
            string? mode = null;
            await using (var reader = await pragma.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    file = reader.IsDBNull(0) ? null : reader.GetString(0);
                }

                if (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false) && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    mode = reader.GetString(0);
                }
            }

            var logged = file is { Length: > 0 } && string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase);
            pragma.CommandText = $"PRAGMA synchronous = {(logged ? "NORMAL" : "FULL")}; PRAGMA wal_autocheckpoint = 0; " +
                $"PRAGMA journal_size_limit = {JournalSizeLimit}; PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _logFile = logged ? file + "-wal" : null;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>How long a connection waits for a lock (the writer's, or a checkpoint's) before it reports the database busy.</summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    /// <summary>The size the log file is cut back to when it restarts; -1 (no limit) where the bound is off.</summary>
    public long JournalSizeLimit => _maxWalBytes > 0 ? _maxWalBytes : -1;

    public override bool CommitsAreDurable => _logFile is null;

    public override void SyncCommitted()
    {
        if (_logFile is not { } file)
        {
            return;
        }

        lock (_gate)
        {
            if (_log is null)
            {
                // One handle for as long as the bot runs: a write-back error is reported to the handles open when it
                // happens, not to one opened after. SQLite deletes the log when its last connection closes, so a
                // connection is kept open beside the handle: the log it syncs is always the one SQLite writes.
                _keeper = new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString());
                _keeper.Open();
                using (var read = _keeper.CreateCommand())
                {
                    read.CommandText = "PRAGMA user_version;";
                    read.ExecuteScalar();
                }

                _log = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            }

            _log.Flush(flushToDisk: true);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _log?.Dispose();
            _keeper?.Dispose();
            _log = null;
            _keeper = null;
        }
    }
}
