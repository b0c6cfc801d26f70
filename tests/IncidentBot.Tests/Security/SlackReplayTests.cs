using System.Net;
using IncidentBot.Support;

namespace IncidentBot.Security;

/// <summary>The identical signed Slack request sent again within its five minutes is refused, on this instance and on another.</summary>
public sealed class SlackReplayTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private static HttpRequestMessage Declare(DateTimeOffset at) => SlackSigner.Form("/slack/commands",
    [
        new("team_id", "T1"), new("channel_id", "C9GENERAL"), new("user_id", "U100ALICE"), new("user_name", "alice"),
        new("command", "/incident"), new("text", "declare Replayed outage sev2"), new("response_url", "https://hooks.slack.invalid/commands/1"),
    ], at);

    private static HttpRequestMessage Modal(DateTimeOffset at)
    {
        var payload = """
            {"type": "view_submission", "user": {"id": "U100ALICE", "username": "alice"},
             "view": {"callback_id": "incident_declare", "state": {"values": {"title": {"value": {"type": "plain_text_input", "value": "Replayed modal"}}}}}}
            """;
        return SlackSigner.Form("/slack/interactivity", [new("payload", payload)], at);
    }

    private static async Task<int> IncidentsAsync(HttpClient client) => (await client.GetJsonAsync("/api/incidents")).Body!.AsArray().Count;

    [Fact]
    public async Task TheSameSignedDeclareAndModalSubmissionSentTwiceMakeOneIncidentEach()
    {
        using var app = SlackBot.Start(_slack);
        var client = app.CreateClient();
        var at = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Declare(at))).StatusCode);
        var replayed = await client.SendAsync(Declare(at));
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Contains("replay", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Modal(at))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Modal(at))).StatusCode);

        await Wait.Until(async () => await IncidentsAsync(client) == 2, "the two declarations");
        Assert.Equal(2, await IncidentsAsync(client));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Declare(at.AddSeconds(1)))).StatusCode);
    }

    [Fact]
    public async Task ARequestReplayedToAnotherInstanceOnTheSameDatabaseIsRefused()
    {
        var database = TestDatabase.NewPostgres();
        using var first = new BotApp(Directory.CreateTempSubdirectory("incidentbot-test-").FullName, SlackBot.Settings(_slack), database);
        using var second = new BotApp(Directory.CreateTempSubdirectory("incidentbot-test-").FullName, SlackBot.Settings(_slack), database);
        var at = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.OK, (await first.CreateClient().SendAsync(Declare(at))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.CreateClient().SendAsync(Declare(at))).StatusCode);

        Assert.Equal(1, await IncidentsAsync(first.CreateClient()));
    }

    [Fact]
    public async Task ExpiredRowsAreDeletedAsNewRequestsArrive()
    {
        var database = TestDatabase.NewPostgres();
        using var app = new BotApp(Directory.CreateTempSubdirectory("incidentbot-test-").FullName, SlackBot.Settings(_slack), database);
        var client = app.CreateClient();
        await client.SendAsync(Declare(DateTimeOffset.UtcNow.AddMinutes(-4.9)));
        Assert.Equal(1L, await ScalarAsync(database, "SELECT COUNT(*) FROM slack_requests_seen"));
        await ScalarAsync(database, "UPDATE slack_requests_seen SET expires_at = '2000-01-01T00:00:00.000Z'");

        await client.SendAsync(Declare(DateTimeOffset.UtcNow));

        Assert.Equal(1L, await ScalarAsync(database, "SELECT COUNT(*) FROM slack_requests_seen"));
    }

    private static async Task<long> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
