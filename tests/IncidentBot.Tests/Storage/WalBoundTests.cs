using System.Net;
using IncidentBot.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Storage;

/// <summary>SQLite's write-ahead log kept within <c>Storage:MaxWalMegabytes</c> while writes keep coming.</summary>
public sealed class WalBoundTests : IDisposable
{
    private readonly BotApp _app = new(settings: new Dictionary<string, string?> { ["Storage:MaxWalMegabytes"] = "1" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task UnderSteadyWritesTheLogIsCutBackUnderItsBoundWithoutWaitingForAQuietMoment()
    {
        var client = _app.CreateClient();
        var number = await client.DeclareAsync();
        var wal = _app.DatabaseFile + "-wal";
        var bound = 1024L * 1024;
        var passedBound = false;
        var cutBack = false;
        var failures = 0;
        using var stop = new CancellationTokenSource();
        var senders = Enumerable.Range(0, 8).Select(sender => Task.Run(async () =>
        {
            var padding = new string('x', 500);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                if ((await client.CommandAsync(number, $"note {sender}-{i} {padding}")).Response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();

        // Writes never pause here, so a passive checkpoint never lets the log start over: only the bound cuts it back.
        await Wait.Until(() =>
        {
            var size = File.Exists(wal) ? new FileInfo(wal).Length : 0;
            passedBound |= size >= bound / 2;
            cutBack |= passedBound && size < bound / 8;
            return cutBack;
        }, "the log to grow and be cut back while writes go on", seconds: 60);
        await stop.CancelAsync();
        await Task.WhenAll(senders);

        Assert.Equal(0, failures);
        await Wait.Until(() => new FileInfo(wal).Length <= bound, "the log to end within its bound");
    }

    [Fact]
    public async Task TheWriterCutsTheLogFileBackToTheBoundWhenTheLogStartsOver()
    {
        await _app.CreateClient().DeclareAsync();
        await using var connection = await _app.Services.GetRequiredService<Database>().OpenForWritingAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_size_limit";

        Assert.Equal(1024L * 1024, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task TheLogLeftLargeByAnEarlierRunIsCutBackAfterAStart()
    {
        var folder = Directory.CreateTempSubdirectory("incidentbot-test-").FullName;
        using (var first = new BotApp(folder, new Dictionary<string, string?> { ["Storage:MaxWalMegabytes"] = "0" }))
        {
            var client = first.CreateClient();
            var number = await client.DeclareAsync();
            await Task.WhenAll(Enumerable.Range(0, 1500).Select(i => client.CommandAsync(number, $"note {i} {new string('y', 2000)}")));

            // A crash leaves the log as it was: a copy of it taken now stands in for one.
            File.Copy(first.DatabaseFile + "-wal", Path.Combine(folder, "crashed-wal"));
            File.Copy(first.DatabaseFile, Path.Combine(folder, "crashed-db"));
        }

        var database = Path.Combine(folder, "incidentbot.db");
        File.Copy(Path.Combine(folder, "crashed-db"), database, overwrite: true);
        File.Copy(Path.Combine(folder, "crashed-wal"), database + "-wal", overwrite: true);
        var left = new FileInfo(database + "-wal").Length;
        Assert.True(left > 1024 * 1024, $"the earlier run left {left} bytes of log");

        using var second = new BotApp(folder, new Dictionary<string, string?> { ["Storage:MaxWalMegabytes"] = "1" });
        second.CreateClient();
        await Wait.Until(() => new FileInfo(database + "-wal").Length <= 1024 * 1024, "the log to be cut back under its bound");
        Assert.Equal(1500, await DatabaseQuery.CountAsync(second, "SELECT COUNT(*) FROM timeline_entries WHERE kind = 'note'"));
    }
}
