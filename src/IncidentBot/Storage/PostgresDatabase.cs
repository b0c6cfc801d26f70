using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IncidentBot.Storage;

/// <summary>
/// PostgreSQL, shared by every instance of the installation. Rows an instance changes are locked for its
/// transaction, declarations take turns on an advisory lock, and migrations run under another.
/// </summary>
internal sealed class PostgresDatabase : Database, IAsyncDisposable
{
    /// <summary>Advisory lock keys: arbitrary, fixed, and the same in every instance.</summary>
    private const long NumberingLock = 0x1AC1_DE47_0001;
    private const long MigrationLock = 0x1AC1_DE47_0002;

    private readonly NpgsqlDataSource _source;

    public PostgresDatabase(IOptions<StorageOptions> options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        Describe = $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
        _source = NpgsqlDataSource.Create(builder);
    }

    public override string Provider => "postgres";

    public override string Describe { get; }

    public override string LockRowsForUpdate => " FOR UPDATE";

    /// <summary>PostgreSQL commits transactions side by side; short ones hold their row locks only briefly.</summary>
    public override int Writers => 8;

    public override int MaxBatch => 1;

    public override string? SerializeNumbering => $"SELECT pg_advisory_xact_lock({NumberingLock})";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override void ClearPool() => _source.Clear();

    /// <summary>Taking a transaction id writes a commit record, and is refused on a read-only server.</summary>
    public override Task ProbeWriteAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT txid_current()", transaction: transaction, cancellationToken: cancellationToken));

    public override async Task<T> WithMigrationLockAsync<T>(DbConnection connection, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(work);
        await connection.ExecuteAsync($"SELECT pg_advisory_lock({MigrationLock})").ConfigureAwait(false);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            await connection.ExecuteAsync($"SELECT pg_advisory_unlock({MigrationLock})").ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
