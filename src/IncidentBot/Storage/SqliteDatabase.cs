using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IncidentBot.Storage;

/// <summary>The embedded SQLite file, in WAL mode, every commit fsynced.</summary>
internal sealed class SqliteDatabase : Database
{
    private readonly string _connectionString;

    public SqliteDatabase(IOptions<StorageOptions> options)
    {
        var builder = new SqliteConnectionStringBuilder(options.Value.ConnectionString)
        {
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        };
        if (builder.DataSource is { Length: > 0 } file && builder.Mode != SqliteOpenMode.Memory && file != ":memory:")
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        _connectionString = builder.ToString();
        Describe = builder.DataSource;
    }

    public override string Provider => "sqlite";

    public override string Describe { get; }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
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
            using var pragma = connection.CreateCommand();
            // FULL: a commit is on disk before the request that made it is answered. No automatic checkpoint inside
            // a commit: WalCheckpointer does it beside the writer, so no request waits for it.
            pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
