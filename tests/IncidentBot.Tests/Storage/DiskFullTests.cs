using System.Net;
using IncidentBot.Support;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Storage;

/// <summary>The database on a small file system that fills up and is freed again, the bot running throughout.</summary>
public sealed class DiskFullTests
{
    [Fact]
    public async Task WhileTheDiskIsFullWritesAnswer503WithRetryAfterAndReadinessFailsThenBothRecoverOnceItIsFreed()
    {
        using var disk = Tmpfs.Mount(megabytes: 16);
        using (var app = new BotApp(disk.Path))
        {
            var client = app.CreateClient();
            var number = await client.DeclareAsync();
            Assert.Equal(HttpStatusCode.OK, (await client.CommandAsync(number, "note before the disk filled up")).Response.StatusCode);

            // With the log cut back to nothing, the next commit must grow the file: on a full disk it has no room it
            // could reuse.
            await CheckpointToNothingAsync(app.DatabaseFile);
            disk.Fill();

            var (full, problem) = await client.CommandAsync(number, "note while the disk is full");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), full.Headers.RetryAfter?.Delta);
            Assert.Equal("Storage unavailable", problem!["title"]!.GetValue<string>());
            Assert.Contains("disk that holds the database is full", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

            var notReady = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Contains("is full", await notReady.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);

            disk.Free();

            Assert.Equal(HttpStatusCode.OK, (await client.CommandAsync(number, "note after the disk was freed")).Response.StatusCode);
            var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());

            var (_, timeline) = await client.GetJsonAsync($"/api/incidents/{number}/timeline");
            var notes = timeline!.AsArray().Where(e => e!["kind"]!.GetValue<string>() == "note").Select(e => e!["text"]!.GetValue<string>()).ToList();
            Assert.Equal(["before the disk filled up", "after the disk was freed"], notes);
        }

        await using var check = new SqliteConnection($"Data Source={Path.Combine(disk.Path, "incidentbot.db")};Mode=ReadOnly;Pooling=False");
        await check.OpenAsync();
        await using var integrity = check.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string?)await integrity.ExecuteScalarAsync());
    }

    private static async Task CheckpointToNothingAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000;";
        await command.ExecuteNonQueryAsync();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await Wait.Until(async () =>
        {
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync() && reader.GetInt64(0) == 0;
        }, "a truncating checkpoint");
        Assert.Equal(0, new FileInfo(file + "-wal").Length);
    }
}
