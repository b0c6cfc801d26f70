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
        settings["Chat:LeaseSeconds"] = "2";
        settings["Chat:RetryMaxDelaySeconds"] = "1";
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
            await FakeSlack.Eventually(() => slack.Accepted("chat.postMessage").Count(c => c.Arg("text").Contains("📝", StringComparison.Ordinal)) >= 300, "deliveries to begin");
            first.Dispose();
            await FakeSlack.Eventually(
                () => slack.Accepted("chat.postMessage").Select(c => c.Arg("text")).Where(t => t.Contains("📝", StringComparison.Ordinal)).Distinct().Count() == 1000,
                "all thousand notes", seconds: 60);

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
}
