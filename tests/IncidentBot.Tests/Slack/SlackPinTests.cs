using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Support;

namespace IncidentBot.Slack;

public sealed class SlackPinTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private BotApp _app = null!;
    private HttpClient _client = null!;
    private string _channel = "";

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _app = SlackBot.Start(_slack);
        _client = _app.CreateClient();
        await _client.DeclareAsync("Search is down");
        await Wait.Until(() => _slack.Accepted("pins.add").Count == 1, "the room to open");
        _channel = _slack.Accepted("conversations.create")[0] is { } create ? _slack.Accepted("pins.add")[0].Arg("channel") : "";
        _slack.AddMessage(_channel, "1741093500.250300", "U300CAROL", "Found it: the index alias points at the old cluster");
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _slack.DisposeAsync();
    }

    private HttpRequestMessage Reaction(string eventId, string reaction = "pushpin", string? channel = null) => SlackSigner.Json("/slack/events", $$$"""
        {"token":"XXYYZZ","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"{{{eventId}}}","event_time":1741093600,
         "event":{"type":"reaction_added","user":"U100ALICE","reaction":"{{{reaction}}}","item_user":"U300CAROL",
                  "item":{"type":"message","channel":"{{{channel ?? _channel}}}","ts":"1741093500.250300"},"event_ts":"1741093600.000100"}}
        """);

    private async Task<JsonArray> PinnedAsync() =>
        new([.. (await _client.GetJsonAsync("/api/incidents/1/timeline")).Body!.AsArray()
            .Where(e => e!["kind"]!.GetValue<string>() == "pinned_message").Select(e => e!.DeepClone())]);

    [Fact]
    public async Task APushpinPutsTheMessageOnTheTimelineWithItsOwnTimeAuthorAndPermalink()
    {
        var response = await _client.SendAsync(Reaction("Ev001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Wait.Until(async () => (await PinnedAsync()).Count == 1, "the pinned entry");
        var entry = (await PinnedAsync())[0]!;
        Assert.Equal("Found it: the index alias points at the old cluster", entry["text"]!.GetValue<string>());
        Assert.Equal("2025-03-04T13:05:00.250Z", entry["at"]!.GetValue<string>());
        Assert.Equal("<@U300CAROL|member-u300carol>", entry["actor"]!.GetValue<string>());
        Assert.Equal($"https://example.slack.com/archives/{_channel}/p1741093500250300", entry["link"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARedeliveredOrRepeatedPinIsOnTheTimelineOnce()
    {
        await _client.SendAsync(Reaction("Ev002"));
        var retry = Reaction("Ev002");
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        await _client.SendAsync(retry);
        await _client.SendAsync(Reaction("Ev003"));
        await Wait.Until(async () => (await PinnedAsync()).Count == 1, "the pinned entry");
        await Wait.Until(() => _slack.Accepted("chat.getPermalink").Count == 2, "the second pin to be looked at");

        Assert.Single(await PinnedAsync());
    }

    [Fact]
    public async Task OtherReactionsAndOtherChannelsAreIgnored()
    {
        await _client.SendAsync(Reaction("Ev004", reaction: "eyes"));
        await _client.SendAsync(Reaction("Ev005", channel: "C9GENERAL"));
        await _client.SendAsync(Reaction("Ev006"));
        await Wait.Until(async () => (await PinnedAsync()).Count == 1, "the pin sent after them");

        Assert.Single(_slack.Accepted("chat.getPermalink"));
    }

    [Fact]
    public async Task TheAddToTimelineShortcutDoesTheSameAndRepliesToTheUser()
    {
        var payload = new JsonObject
        {
            ["type"] = "message_action",
            ["callback_id"] = SlackInteractivityEndpoint.AddToTimelineCallback,
            ["trigger_id"] = "13345224609.8534564800.6f8ab1f53e13d0cd15f96106292d5536",
            ["response_url"] = _slack.ResponseUrl("shortcut").ToString(),
            ["user"] = new JsonObject { ["id"] = "U100ALICE", ["name"] = "alice" },
            ["channel"] = new JsonObject { ["id"] = _channel, ["name"] = "inc-1-search-is-down" },
            ["message"] = new JsonObject { ["type"] = "message", ["user"] = "U300CAROL", ["ts"] = "1741093500.250300", ["text"] = "Found it: the index alias points at the old cluster" },
        };

        var response = await _client.SendAsync(SlackSigner.Form("/slack/interactivity", [new("payload", payload.ToJsonString())]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Wait.Until(() => _slack.Responses("shortcut").Count == 1, "the reply");
        Assert.Contains("Added to the timeline of INC-1", _slack.Responses("shortcut")[0]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await PinnedAsync());
    }

    [Fact]
    public async Task TheWelcomeButtonsRunTheirCommandAsThePersonWhoPressed()
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U200BOB", ["username"] = "bob" },
            ["response_url"] = _slack.ResponseUrl("button").ToString(),
            ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = _channel },
            ["channel"] = new JsonObject { ["id"] = _channel },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = SlackBlocks.CommandActionPrefix + "role commander", ["value"] = "role commander", ["type"] = "button" }),
        };

        await _client.SendAsync(SlackSigner.Form("/slack/interactivity", [new("payload", payload.ToJsonString())]));
        await Wait.Until(() => _slack.Responses("button").Count == 1, "the reply");

        var incident = (await _client.GetJsonAsync("/api/incidents/1")).Body!["incident"]!;
        Assert.Equal("<@U200BOB|bob>", incident["roles"]!["commander"]!.GetValue<string>());
    }
}
