using IncidentBot.Support;

namespace IncidentBot.Storage;

public sealed class RestartTests
{
    [Fact]
    public async Task ARestartOnTheSameDatabaseKeepsEveryIncidentAndTimelineEntry()
    {
        string folder;
        string before;
        string timelineBefore;
        using (var first = new BotApp())
        {
            folder = first.Folder;
            var client = first.CreateClient();
            var number = await client.DeclareAsync("Search is down", "SEV1");
            await client.CommandAsync(number, "role commander @alice");
            await client.CommandAsync(number, "note reindex started");
            await client.CommandAsync(number, "action add index health alert @bob due 2030-02-01");
            await client.DeclareAsync("Second one");
            before = (await client.GetStringAsync(new Uri("/api/incidents", UriKind.Relative)));
            timelineBefore = await client.GetStringAsync(new Uri($"/api/incidents/{number}/timeline", UriKind.Relative));
        }

        using var second = new BotApp(folder);
        var again = second.CreateClient();

        Assert.Equal(before, await again.GetStringAsync(new Uri("/api/incidents", UriKind.Relative)));
        Assert.Equal(timelineBefore, await again.GetStringAsync(new Uri("/api/incidents/1/timeline", UriKind.Relative)));
        var (_, detail) = await again.GetJsonAsync("/api/incidents/1");
        Assert.Equal("add index health alert", detail!["actionItems"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(3, await again.DeclareAsync());
    }

    [Fact]
    public async Task TheDatabaseIsInWalModeWithTheMigrationsRecorded()
    {
        using var app = new BotApp();
        await app.CreateClient().DeclareAsync();

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "SELECT MIN(version) FROM schema_migrations";
        Assert.Equal(1L, (long?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task TimelineEntriesCannotBeChangedOrDeletedInTheDatabase()
    {
        using var app = new BotApp();
        await app.CreateClient().DeclareAsync();

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE timeline_entries SET text = 'rewritten'";
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => command.ExecuteNonQueryAsync());
        command.CommandText = "DELETE FROM timeline_entries";
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task ADatabaseNewerThanThisBuildIsRefusedAtStart()
    {
        string folder;
        using (var first = new BotApp())
        {
            folder = first.Folder;
            await first.CreateClient().DeclareAsync();
        }

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "incidentbot.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999_future.sql', '2030-01-01')";
            await command.ExecuteNonQueryAsync();
        }

        using var second = new BotApp(folder);
        var error = Assert.ThrowsAny<Exception>(() => second.CreateClient());
        Assert.Contains("newer than this build", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstantsAreStoredAsIsoTextWithMilliseconds()
    {
        using var app = new BotApp();
        await app.CreateClient().DeclareAsync();

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT at FROM timeline_entries UNION ALL SELECT declared_at FROM incidents UNION ALL SELECT applied_at FROM schema_migrations";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", reader.GetString(0));
        }
    }
}
