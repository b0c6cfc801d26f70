using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IncidentBot.Support;

/// <summary>Every row of every table of a test's database (SQLite or PostgreSQL), as text, to show that a request changed nothing.</summary>
public static class DatabaseSnapshot
{
    public static async Task<string> TakeAsync(BotApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var postgres = app.Database.Provider == "postgres";
        await using DbConnection connection = postgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.Database.ConnectionString) { Pooling = false }.ToString())
            : new SqliteConnection($"Data Source={app.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var text = new System.Text.StringBuilder();
        // The job runners' heartbeats and the queue's own upkeep change with the clock, not with requests.
        foreach (var table in tables.Where(t => t != "job_runners"))
        {
            var where = table == "jobs" ? " WHERE kind <> 'jobs.purge'" : "";
            await using var select = connection.CreateCommand();
            select.CommandText = postgres ? $"SELECT * FROM \"{table}\"{where} ORDER BY 1, 2" : $"SELECT * FROM \"{table}\"{where} ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            text.Append('#').Append(table).Append('\n');
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "∅" : reader.GetValue(i)).Append('|');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
