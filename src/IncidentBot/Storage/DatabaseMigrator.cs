using System.Globalization;
using System.Reflection;
using Dapper;

namespace IncidentBot.Storage;

/// <summary>
/// Applies the provider's numbered <c>Migrations/{provider}/NNN_name.sql</c> scripts not yet applied, each in its own
/// transaction, exactly once even when several instances start together (they wait on one lock), and refuses a
/// database whose schema is newer than this build.
/// </summary>
internal sealed partial class DatabaseMigrator(Database database, TimeProvider time, ILogger<DatabaseMigrator> logger)
{
    public static IReadOnlyList<(int Version, string Name, string Resource)> Scripts(string provider)
    {
        var prefix = $"IncidentBot.Storage.Migrations.{char.ToUpperInvariant(provider[0])}{provider[1..]}.";
        return [.. Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => (Version: int.Parse(name[prefix.Length..].Split('_')[0], CultureInfo.InvariantCulture), Name: name[prefix.Length..], Resource: name))
            .OrderBy(script => script.Version)];
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (database.Provider == "sqlite")
        {
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;").ConfigureAwait(false);
        }

        await database.WithMigrationLockAsync(connection, async () =>
        {
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
                .ConfigureAwait(false);
            var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations").ConfigureAwait(false)).ToHashSet();
            var scripts = Scripts(database.Provider);
            var newest = scripts.Count == 0 ? 0 : scripts[^1].Version;
            if (applied.Count > 0 && applied.Max() > newest)
            {
                throw new InvalidOperationException(
                    $"The database ({database.Describe}) has schema version {applied.Max()}, newer than this build's {newest}. Run a newer IncidentBot.");
            }

            foreach (var (version, name, resource) in scripts.Where(s => !applied.Contains(s.Version)))
            {
                var sql = await ReadAsync(resource).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await connection.ExecuteAsync(sql, transaction: transaction).ConfigureAwait(false);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                    new { version, name, at = time.GetUtcNow() }, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                LogApplied(logger, name);
            }

            return true;
        }).ConfigureAwait(false);
    }

    private static async Task<string> ReadAsync(string resource)
    {
        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Migration}")]
    private static partial void LogApplied(ILogger logger, string migration);
}
