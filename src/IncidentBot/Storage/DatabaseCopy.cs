using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IncidentBot.Storage;

/// <summary>
/// <c>copy-database --to "&lt;PostgreSQL connection string&gt;"</c>: moves an installation from its SQLite file to an empty
/// PostgreSQL database. Both schemas are brought to this build's version first; every table is copied in one
/// PostgreSQL transaction, identities continue after the copied ids, and the row counts are compared at the end.
/// </summary>
internal static class DatabaseCopy
{
    /// <summary>Parents before children, so foreign keys hold at every insert; tables not named here follow.</summary>
    private static readonly string[] Order =
        ["incidents", "timeline_entries", "action_items", "rooms", "jobs", "alerts", "alert_states", "postmortem_versions"];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var i = Array.IndexOf(args, "--to");
        var to = i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (string.IsNullOrWhiteSpace(to))
        {
            await output.WriteLineAsync("usage: copy-database --to \"Host=…;Database=…;Username=…;Password=…\" (the source is Storage:ConnectionString)").ConfigureAwait(false);
            return 2;
        }

        // The configuration the bot itself would read: appsettings, the environment's appsettings, variables, arguments.
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        var configuration = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. args.Where((_, index) => index != i && index != i + 1)])
            .Build();
        var source = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (!string.Equals(source.Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            await output.WriteLineAsync("copy-database copies from SQLite: Storage:Provider must be sqlite for the source.").ConfigureAwait(false);
            return 2;
        }

        // Opening a missing file would create an empty database and "copy" nothing: say where it looked instead.
        if (new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(source.ConnectionString).DataSource is { Length: > 0 } file && !File.Exists(file))
        {
            await output.WriteLineAsync($"There is no SQLite database at {Path.GetFullPath(file)} (Storage:ConnectionString): run copy-database where the bot runs, or name the file.").ConfigureAwait(false);
            return 1;
        }

        DapperSetup.EnsureConfigured();
        using var sqlite = new SqliteDatabase(Options.Create(source));
        await using var postgres = new PostgresDatabase(Options.Create(new StorageOptions { Provider = "postgres", ConnectionString = to }));
        var time = TimeProvider.System;
        await new DatabaseMigrator(sqlite, time, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        await new DatabaseMigrator(postgres, time, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None).ConfigureAwait(false);

        await using var from = await sqlite.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var into = (NpgsqlConnection)await postgres.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        if (await into.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM incidents").ConfigureAwait(false) > 0)
        {
            await output.WriteLineAsync($"The target ({postgres.Describe}) already has incidents: copy-database only fills an empty database.").ConfigureAwait(false);
            return 1;
        }

        var tables = (await from.QueryAsync<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'").ConfigureAwait(false))
            .OrderBy(t => Array.IndexOf(Order, t) is var at && at >= 0 ? at : Order.Length).ThenBy(t => t, StringComparer.Ordinal).ToList();
        await using (var transaction = await into.BeginTransactionAsync().ConfigureAwait(false))
        {
            foreach (var table in tables)
            {
                await CopyTableAsync(from, into, transaction, table).ConfigureAwait(false);
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }

        var ok = true;
        foreach (var table in tables)
        {
            var copied = await from.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}").ConfigureAwait(false);
            var landed = await into.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}").ConfigureAwait(false);
            ok &= copied == landed;
            await output.WriteLineAsync($"{table,-22} {copied,10:N0} → {landed,10:N0} {(copied == landed ? "ok" : "MISMATCH")}").ConfigureAwait(false);
        }

        await output.WriteLineAsync(ok ? $"Copied {sqlite.Describe} into {postgres.Describe}." : "The row counts differ: do not switch to the copy.")
            .ConfigureAwait(false);
        return ok ? 0 : 1;
    }

    private static async Task CopyTableAsync(DbConnection from, NpgsqlConnection into, DbTransaction transaction, string table)
    {
        var types = (await into.QueryAsync<(string Column, string Type, string? Identity)>(
            "SELECT column_name, data_type, is_identity FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table",
            new { table }, transaction).ConfigureAwait(false)).ToDictionary(c => c.Column, c => c);
        if (types.Count == 0)
        {
            throw new InvalidOperationException($"The target has no table {table}: is it at this build's schema?");
        }

        await using var read = from.CreateCommand();
        read.CommandText = $"SELECT * FROM {table} ORDER BY rowid";
        await using var reader = await read.ExecuteReaderAsync().ConfigureAwait(false);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var identity = columns.Any(c => types.TryGetValue(c, out var t) && t.Identity == "YES");
        var insert = $"INSERT INTO {table} ({string.Join(", ", columns)}) {(identity ? "OVERRIDING SYSTEM VALUE " : "")}" +
                     $"VALUES ({string.Join(", ", columns.Select((_, n) => "$" + (n + 1)))})";
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            await using var write = new NpgsqlCommand(insert, into, (NpgsqlTransaction)transaction);
            for (var n = 0; n < columns.Count; n++)
            {
                write.Parameters.Add(new NpgsqlParameter { Value = Convert(reader.IsDBNull(n) ? null : reader.GetValue(n), types[columns[n]].Type) });
            }

            await write.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        if (identity)
        {
            await into.ExecuteAsync(
                $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table}",
                transaction: transaction).ConfigureAwait(false);
        }
    }

    /// <summary>SQLite keeps booleans as 0/1 and every number as a 64-bit integer; PostgreSQL's columns are typed.</summary>
    private static object Convert(object? value, string type) => value switch
    {
        null => DBNull.Value,
        long number when type == "boolean" => number != 0,
        long number when type == "integer" => checked((int)number),
        _ => value,
    };
}
