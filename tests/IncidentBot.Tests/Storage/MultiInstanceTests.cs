using System.Text;
using IncidentBot.Support;

namespace IncidentBot.Storage;

/// <summary>Two instances on one PostgreSQL database behave as one bot.</summary>
public sealed class MultiInstanceTests
{
    private static (BotApp First, BotApp Second) TwoInstances(Dictionary<string, string?>? settings = null)
    {
        var database = TestDatabase.NewPostgres();
        var first = new BotApp(Directory.CreateTempSubdirectory("incidentbot-test-").FullName, settings, database);
        first.CreateClient();
        var second = new BotApp(Directory.CreateTempSubdirectory("incidentbot-test-").FullName, settings, database);
        return (first, second);
    }

    [Fact]
    public async Task ConcurrentDeclaresOnBothInstancesGetDistinctConsecutiveNumbers()
    {
        var (first, second) = TwoInstances();
        using (first)
        using (second)
        {
            var clients = new[] { first.CreateClient(), second.CreateClient() };

            var numbers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => clients[i % 2].DeclareAsync($"Concurrent {i}")));

            Assert.Equal(Enumerable.Range(1, 200), numbers.Order());
        }
    }

    [Fact]
    public async Task TheSameAlertPostedToBothInstancesAtOnceIsStoredOnceInOneIncident()
    {
        var (first, second) = TwoInstances(new Dictionary<string, string?> { ["Alerts:alertmanager:Secret"] = "am-token" });
        using (first)
        using (second)
        {
            var payload = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Alerts", "Payloads", "alertmanager-firing.json"));
            var start = new TaskCompletionSource();
            var posts = new[] { first.CreateClient(), second.CreateClient() }.Select(async client =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/alerts/alertmanager") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "am-token");
                await start.Task;
                return await client.SendAsync(request);
            }).ToList();
            start.SetResult();
            var responses = await Task.WhenAll(posts);

            Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode));
            var (_, incidents) = await first.CreateClient().GetJsonAsync("/api/incidents");
            Assert.Single(incidents!.AsArray());
            var (_, detail) = await second.CreateClient().GetJsonAsync("/api/incidents/1");
            var alertsInPayload = System.Text.Json.Nodes.JsonNode.Parse(payload)!["alerts"]!.AsArray().Count;
            Assert.Equal(alertsInPayload, detail!["alertsTotal"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task QueuedChatMessagesAreDeliveredOnceAndInOrderPerRoomByTwoInstancesEvenWhenOneStops()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Down = true;
        var settings = SlackBot.Settings(slack);
        // Long enough that a slow step on a busy machine does not lose its lease; the instance that stops hands its
        // leases back, so the other takes over at once.
        settings["Jobs:LeaseSeconds"] = "10";
        settings["Jobs:RetryMaxDelaySeconds"] = "1";
        var (first, second) = TwoInstances(settings);
        using (second)
        {
            var clients = new[] { first.CreateClient(), second.CreateClient() };
            var numbers = new List<int>();
            for (var i = 0; i < 10; i++)
            {
                numbers.Add(await clients[i % 2].DeclareAsync($"Room {i}"));
            }

            await Task.WhenAll(numbers.Select(async number =>
            {
                for (var n = 1; n <= 100; n++)
                {
                    await clients[n % 2].CommandAsync(number, $"note {number}/{n}");
                }
            }));

            slack.Down = false;
            await Wait.Until(() => slack.Accepted("chat.postMessage").Count(c => c.Arg("text").Contains("📝", StringComparison.Ordinal)) >= 300, "deliveries to begin", seconds: 60);
            first.Dispose();
            await Wait.Until(
                () => slack.Accepted("chat.postMessage").Select(c => c.Arg("text")).Where(t => t.Contains("📝", StringComparison.Ordinal)).Distinct().Count() == 1000,
                "all thousand notes", seconds: 180);

            var notes = slack.Accepted("chat.postMessage").Where(c => c.Arg("text").Contains("📝", StringComparison.Ordinal)).ToList();
            Assert.Equal(1000, notes.Count);
            Assert.Equal(10, slack.Accepted("conversations.create").Count);
            foreach (var room in notes.GroupBy(c => c.Arg("channel")))
            {
                var order = room.Select(c => int.Parse(c.Arg("text").Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.Equal(Enumerable.Range(1, 100), order);
            }
        }
    }

    [Fact]
    public async Task SlackEventsQueuedOnOneDatabaseAreHandledByOneInstanceEach()
    {
        await using var slack = await FakeSlack.StartAsync();
        var settings = SlackBot.Settings(slack);
        settings["Slack:NudgeLatecomers"] = "true";
        var (first, second) = TwoInstances(settings);
        using (first)
        using (second)
        {
            var clients = new[] { first.CreateClient(), second.CreateClient() };
            await clients[0].DeclareAsync("Checkout is failing");
            await Wait.Until(() => slack.Accepted("pins.add").Count == 1, "the room to open");
            var channel = slack.Accepted("pins.add")[0].Arg("channel");

            // Each join is received once (by either instance), and both instances look at the same queue.
            await Task.WhenAll(Enumerable.Range(0, 40).Select(i => clients[i % 2].SendAsync(SlackSigner.Json("/slack/events", $$$"""
                {"type":"event_callback","event_id":"EvJoin{{{i}}}","event_time":1741093600,
                 "event":{"type":"member_joined_channel","user":"U{{{1000 + i}}}","channel":"{{{channel}}}","channel_type":"C","team":"T1"}}
                """))));

            await Wait.Until(() => slack.Accepted("chat.postEphemeral").Count >= 40, "the forty offers");
            await Task.Delay(1500);
            var offers = slack.Accepted("chat.postEphemeral").Select(c => c.Arg("user")).ToList();
            Assert.Equal(40, offers.Count);
            Assert.Equal(40, offers.Distinct().Count());
        }
    }

    [Fact]
    public async Task InstancesStartingTogetherApplyEachMigrationOnce()
    {
        var database = TestDatabase.NewPostgres();
        var apps = Enumerable.Range(0, 3).Select(_ => new BotApp(Directory.CreateTempSubdirectory("incidentbot-test-").FullName, database: database)).ToList();
        try
        {
            await Task.WhenAll(apps.Select(app => Task.Run(() => app.CreateClient())));

            await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.Equal(reader.GetInt64(1), reader.GetInt64(0));
            Assert.Equal(DatabaseMigrator.Scripts("postgres").Count, (int)reader.GetInt64(0));
        }
        finally
        {
            apps.ForEach(app => app.Dispose());
        }
    }

    [Fact]
    public async Task EveryWebhookAnsweredDuringAShutdownIsStored()
    {
        var database = TestDatabase.NewPostgres();
        var settings = new Dictionary<string, string?>
        {
            ["Alerts:generic:Secret"] = "s3cret",
            ["Storage:Provider"] = database.Provider,
            ["Storage:ConnectionString"] = database.ConnectionString,
        };
        var bot = await RunningBot.StartAsync(settings);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        var sends = Enumerable.Range(0, 400).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/alerts/generic")
            {
                Content = new StringContent($$$"""{"title": "Burst {{{i}}}", "status": "firing", "severity": "warning", "fingerprint": "burst-{{{i}}}", "startsAt": "2025-03-04T13:05:00.250Z", "labels": {"alertname": "Burst", "service": "s{{{i % 7}}}"}}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret");
            try
            {
                using var response = await http.SendAsync(request);
                return response.IsSuccessStatusCode ? 1 : 0;
            }
            catch (HttpRequestException)
            {
                return 0;
            }
        }).ToList();
        await Wait.Until(() => sends.Any(s => s.IsCompleted), "the first answers");
        await bot.DisposeAsync();
        var answered = (await Task.WhenAll(sends)).Sum();

        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM alerts", connection);
        var stored = (long)(await count.ExecuteScalarAsync())!;
        Assert.True(answered > 0, "no webhook was answered before the shutdown");
        Assert.True(stored >= answered, $"{answered} webhooks were answered 2xx but only {stored} alerts are stored");
    }
}
