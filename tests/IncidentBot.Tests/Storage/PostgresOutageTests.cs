using System.Collections.Concurrent;
using System.Net;
using IncidentBot.Support;

namespace IncidentBot.Storage;

/// <summary>PostgreSQL stopped and started again under a steady stream of notes, the bot running throughout.</summary>
public sealed class PostgresOutageTests
{
    [Fact]
    public async Task WhilePostgresIsDownWritesAnswer503AndOnceItIsBackTheyLandWithNothingAcknowledgedLost()
    {
        using var server = ThrowawayPostgres.Start();
        using var app = new BotApp(database: new TestDatabase("postgres", server.ConnectionString));
        var client = app.CreateClient();
        var number = await client.DeclareAsync();

        var stored = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var withoutRetryAfter = 0;
        using var stop = new CancellationTokenSource();
        var senders = Enumerable.Range(0, 8).Select(sender => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var text = $"line {sender}-{i}";
                var (response, _) = await client.CommandAsync(number, "note " + text);
                statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    stored.Add(text);
                }
                else if (response.Headers.RetryAfter is null)
                {
                    Interlocked.Increment(ref withoutRetryAfter);
                }
            }
        })).ToList();

        await Wait.Until(() => stored.Count >= 100, "notes to land before the outage");
        server.Stop();
        await Wait.Until(() => statuses.GetValueOrDefault(HttpStatusCode.ServiceUnavailable) >= 20, "notes to be refused while PostgreSQL is down");
        var notReady = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        server.Resume();
        var before = stored.Count;
        await Wait.Until(() => stored.Count >= before + 100, "notes to land again once PostgreSQL is back", seconds: 60);
        await stop.CancelAsync();
        await Task.WhenAll(senders);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable], statuses.Keys.Order());
        Assert.Equal(0, withoutRetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        var texts = (await server.TextsAsync($"SELECT text FROM timeline_entries WHERE incident_number = {number} AND kind = 'note'")).ToHashSet();
        Assert.DoesNotContain(stored, text => !texts.Contains(text));
    }
}
