using Microsoft.Data.Sqlite;
using Npgsql;

namespace IncidentBot.Storage;

/// <summary>
/// A failure of the storage itself (a full disk, a read-only file, a database server that does not answer), as opposed
/// to a bug or a write the data refuses: the request may succeed once the fault is gone, so it is answered 503, and
/// the writer retries it once on a fresh connection. <see cref="ClearsPool"/> where the pooled connections themselves
/// carry the fault (opened read-only, or to a server that went away): they are dropped, not reused.
/// </summary>
internal sealed record StorageFault(string Cause, bool ClearsPool)
{
    private const string DiskFull = "The disk that holds the database is full.";

    /// <summary>The storage fault behind <paramref name="exception"/> (or one of its inner exceptions); null for anything else.</summary>
    public static StorageFault? Of(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 8; exception = exception.InnerException, depth++)
        {
            if (Classify(exception) is { } fault)
            {
                return fault;
            }
        }

        return null;
    }

    private static StorageFault? Classify(Exception exception) => exception switch
    {
        SqliteException sqlite => Sqlite(sqlite.SqliteErrorCode & 0xFF),
        PostgresException postgres => Postgres(postgres.SqlState),
        NpgsqlException => new("The PostgreSQL server does not answer.", ClearsPool: true),
        DiskSyncException => new("The disk that holds the database failed to write.", ClearsPool: false),
        IOException io when (io.HResult & 0xFFFF) == 28 => new(DiskFull, ClearsPool: false), // ENOSPC
        _ => null,
    };

    // https://www.sqlite.org/rescode.html
    private static StorageFault? Sqlite(int code) => code switch
    {
        13 => new(DiskFull, ClearsPool: false), // SQLITE_FULL
        8 => new("The database is read-only: IncidentBot may not write to it.", ClearsPool: true), // SQLITE_READONLY
        3 => new("IncidentBot has no permission to write to the database.", ClearsPool: true), // SQLITE_PERM
        14 => new("The database file cannot be opened.", ClearsPool: true), // SQLITE_CANTOPEN
        10 => new("The disk that holds the database failed to read or write.", ClearsPool: true), // SQLITE_IOERR
        5 or 6 => new("The database is busy.", ClearsPool: false), // SQLITE_BUSY, SQLITE_LOCKED
        _ => null,
    };

    // https://www.postgresql.org/docs/current/errcodes-appendix.html
    private static StorageFault? Postgres(string state) => state switch
    {
        "53100" => new("The disk that holds the PostgreSQL database is full.", ClearsPool: false),
        "25006" => new("The PostgreSQL database is read-only (a standby, or set read-only).", ClearsPool: true),
        "57P01" or "57P02" or "57P03" => new("The PostgreSQL server is shutting down or starting up.", ClearsPool: true),
        "3D000" => new("The PostgreSQL database does not exist.", ClearsPool: true),
        _ when state.StartsWith("08", StringComparison.Ordinal) => new("The PostgreSQL server does not answer.", ClearsPool: true),
        _ when state.StartsWith("28", StringComparison.Ordinal) => new("The PostgreSQL server refuses IncidentBot's login.", ClearsPool: true),
        _ when state.StartsWith("53", StringComparison.Ordinal) => new("The PostgreSQL server is out of resources.", ClearsPool: false),
        _ => null,
    };
}

/// <summary>A write was committed but could not be synced to disk: its caller is told it failed.</summary>
internal sealed class DiskSyncException(string message, Exception inner) : IOException(message, inner);
