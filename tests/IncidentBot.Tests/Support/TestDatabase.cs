using Npgsql;

namespace IncidentBot.Support;

/// <summary>
/// Where a test's bot keeps its data: a SQLite file in the test's folder, or a fresh database on the PostgreSQL
/// server that ./test.sh starts (its address in <c>INCIDENTBOT_TEST_POSTGRES</c>).
/// </summary>
public sealed record TestDatabase(string Provider, string ConnectionString)
{
    public const string ServerVariable = "INCIDENTBOT_TEST_POSTGRES";

    public static TestDatabase Sqlite(string folder) => new("sqlite", $"Data Source={Path.Combine(folder, "incidentbot.db")}");

    public static TestDatabase For(string provider, string folder) => provider == "postgres" ? NewPostgres() : Sqlite(folder);

    /// <summary>A new, empty database of its own on the test server. Never skipped: without the server the test fails.</summary>
    public static TestDatabase NewPostgres()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrEmpty(server))
        {
            throw new InvalidOperationException($"PostgreSQL tests need {ServerVariable}: run ./test.sh, which starts a throwaway PostgreSQL.");
        }

        var name = "incidentbot_" + Guid.NewGuid().ToString("N")[..16];
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE {name}";
            create.ExecuteNonQuery();
        }

        return new TestDatabase("postgres", new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ToString());
    }
}
