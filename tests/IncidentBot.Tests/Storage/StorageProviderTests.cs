using System.Net;
using System.Text;
using IncidentBot.Support;

namespace IncidentBot.Storage;

/// <summary>The store's guarantees, on both providers: SQLite and a real PostgreSQL server.</summary>
public sealed class StorageProviderTests
{
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    private static BotApp Start(string provider, string? folder = null, TestDatabase? database = null)
    {
        folder ??= Directory.CreateTempSubdirectory("incidentbot-test-").FullName;
        return new BotApp(folder, database: database ?? TestDatabase.For(provider, folder));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheLifecycleLandsOnTheTimelineInOrderAndSurvivesARestart(string provider)
    {
        string before;
        BotApp first;
        using (first = Start(provider))
        {
            var client = first.CreateClient();
            var number = await client.DeclareAsync("Payments API down", "SEV2");
            foreach (var command in new[] { "role commander @alice", "sev 1", "status monitoring", "note rolled back", "action add canary @bob due 2030-01-01 prevent", "resolve" })
            {
                var (response, body) = await client.CommandAsync(number, command);
                Assert.True(response.IsSuccessStatusCode, $"{command}: {body}");
            }

            before = await client.GetStringAsync(new Uri($"/api/incidents/{number}/timeline", UriKind.Relative))
                + await client.GetStringAsync(new Uri($"/api/incidents/{number}", UriKind.Relative));
        }

        using var second = Start(provider, first.Folder, first.Database);
        var again = second.CreateClient();
        var after = await again.GetStringAsync(new Uri("/api/incidents/1/timeline", UriKind.Relative))
            + await again.GetStringAsync(new Uri("/api/incidents/1", UriKind.Relative));

        Assert.Equal(before, after);
        Assert.Contains("\"kind\":\"resolved\"", after, StringComparison.Ordinal);
        Assert.Equal(2, await again.DeclareAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BadRequestsStoreNothing(string provider)
    {
        using var app = Start(provider);
        var client = app.CreateClient();
        var number = await client.DeclareAsync();
        await client.CommandAsync(number, "resolve");
        var before = await DatabaseSnapshot.TakeAsync(app);

        await client.PostAsync(new Uri("/api/incidents", UriKind.Relative), new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));
        await client.CommandAsync(number, "status monitoring");
        await client.CommandAsync(number, "sev 9");
        await client.CommandAsync(999, "note nobody home");

        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(app));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentDeclaresGetDistinctConsecutiveNumbers(string provider)
    {
        using var app = Start(provider);
        var client = app.CreateClient();

        var numbers = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => client.DeclareAsync()));

        Assert.Equal(Enumerable.Range(1, 60), numbers.Order());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnAlertRedeliveryIsStoredOnce(string provider)
    {
        var folder = Directory.CreateTempSubdirectory("incidentbot-test-").FullName;
        using var app = new BotApp(folder, new Dictionary<string, string?> { ["Alerts:generic:Secret"] = "s3cret" }, TestDatabase.For(provider, folder));
        var client = app.CreateClient();
        const string Alert = """{"title": "Order queue backlog above 10k", "status": "firing", "severity": "critical", "fingerprint": "orders-queue-backlog", "startsAt": "2025-03-04T13:05:00.250Z", "labels": {"alertname": "OrdersQueueBacklog", "service": "orders"}}""";

        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/alerts/generic") { Content = new StringContent(Alert, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret");
            Assert.True((await client.SendAsync(request)).IsSuccessStatusCode);
        }

        var (_, detail) = await client.GetJsonAsync("/api/incidents/1");
        Assert.Equal(1, detail!["alertsTotal"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/incidents/2", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PostmortemDraftsAreVersioned(string provider)
    {
        using var app = Start(provider);
        var client = app.CreateClient();
        var number = await client.DeclareAsync("Search is down");
        await client.CommandAsync(number, "resolve");

        var (first, _) = await client.CommandAsync(number, "postmortem");
        var (second, body) = await client.CommandAsync(number, "postmortem");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("v2", body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ChatDeliveryWorksFromTheOutbox(string provider)
    {
        await using var slack = await FakeSlack.StartAsync();
        var folder = Directory.CreateTempSubdirectory("incidentbot-test-").FullName;
        using var app = new BotApp(folder, SlackBot.Settings(slack), TestDatabase.For(provider, folder));
        var client = app.CreateClient();

        var number = await client.DeclareAsync("Login fails");
        await client.CommandAsync(number, "note identity provider returns 500");
        await Wait.Until(() => slack.Accepted("chat.postMessage").Any(c => c.Arg("text").Contains("identity provider", StringComparison.Ordinal)), "the note");

        Assert.Single(slack.Accepted("conversations.create"));
    }
}
