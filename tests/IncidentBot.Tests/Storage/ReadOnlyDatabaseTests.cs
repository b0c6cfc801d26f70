using System.Net;
using IncidentBot.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Storage;

/// <summary>A bot started on a database it may only read, then given write access back while it runs.</summary>
public sealed class ReadOnlyDatabaseTests
{
    [Fact]
    public async Task AfterAStartOnAReadOnlyDatabaseWritesRecoverWithoutARestartOnceItIsWritableAgain()
    {
        using var disk = Tmpfs.Mount(megabytes: 16);
        var first = new BotApp(disk.Path);
        var number = await first.CreateClient().DeclareAsync("Written before the volume went read-only");
        var database = first.Services.GetRequiredService<Database>();
        first.Dispose();
        database.ClearPool();

        // SQLite opens a database in WAL mode on a read-only file system only when its log and index files exist, as
        // they do after a crash.
        File.WriteAllBytes(Path.Combine(disk.Path, "incidentbot.db-wal"), []);
        File.WriteAllBytes(Path.Combine(disk.Path, "incidentbot.db-shm"), []);
        disk.MakeReadOnly();

        using var second = new BotApp(disk.Path);
        var client = second.CreateClient();
        var (refused, problem) = await client.CommandAsync(number, "note while read-only");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("read-only", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);

        disk.MakeWritable();

        await Wait.Until(async () => (await client.CommandAsync(number, "note once writable")).Response.StatusCode == HttpStatusCode.OK,
            "a write to succeed once the database is writable again");
        await Wait.Until(async () => (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            "readiness to recover");
        var (_, detail) = await client.GetJsonAsync($"/api/incidents/{number}");
        Assert.Equal("Written before the volume went read-only", detail!["incident"]!["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.CommandAsync(number, "note keeps working")).Response.StatusCode);
    }
}
