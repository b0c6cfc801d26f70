using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Storage;

/// <summary>
/// Applies the numbered <c>Migrations/Sqlite/NNN_name.sql</c> scripts not yet applied, each in its own transaction,
/// and refuses to run on a database whose schema is newer than this build.
/// </summary>
internal sealed partial class SqliteMigrator(SqliteDatabase database, ILogger<SqliteMigrator> logger)
{
    private const string Prefix = "IncidentBot.Storage.Migrations.Sqlite.";

    public static IReadOnlyList<(int Version, string Name)> Scripts { get; } = Assembly.GetExecutingAssembly()
        .GetManifestResourceNames()
        .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(name => (Version: int.Parse(name[Prefix.Length..].Split('_')[0], System.Globalization.CultureInfo.InvariantCulture), Name: name))
        .OrderBy(script => script.Version)
        .ToList();

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;").ConfigureAwait(false);
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);")
            .ConfigureAwait(false);
        var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations").ConfigureAwait(false)).ToHashSet();
        var newest = Scripts.Count == 0 ? 0 : Scripts[^1].Version;
        if (applied.Count > 0 && applied.Max() > newest)
        {
            throw new InvalidOperationException(
                $"The database {database.DataSource} has schema version {applied.Max()}, newer than this build's {newest}. Run a newer IncidentBot.");
        }

        foreach (var (version, name) in Scripts.Where(s => !applied.Contains(s.Version)))
        {
            var sql = await ReadAsync(name).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(sql, transaction: transaction).ConfigureAwait(false);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name = name[Prefix.Length..], at = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
                transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            LogApplied(logger, name[Prefix.Length..]);
        }
    }

    private static async Task<string> ReadAsync(string name)
    {
        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Migration {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Migration}")]
    private static partial void LogApplied(ILogger logger, string migration);
}
