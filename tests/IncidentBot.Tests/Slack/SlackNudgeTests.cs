using IncidentBot.Support;

namespace IncidentBot.Slack;

public sealed class SlackNudgeTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private BotApp _app = null!;
    private HttpClient _client = null!;
    private string _channel = "";

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        var settings = SlackBot.Settings(_slack);
        settings["Slack:NudgeLatecomers"] = "true";
        _app = new BotApp(settings: settings);
        _client = _app.CreateClient();
        await _client.DeclareAsync("Checkout is failing");
        await Wait.Until(() => _slack.Accepted("pins.add").Count == 1, "the room to open");
        _channel = _slack.Accepted("pins.add")[0].Arg("channel");
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _slack.DisposeAsync();
    }

    private Task<HttpResponseMessage> JoinAsync(string eventId, string user, string? channel = null) =>
        _client.SendAsync(SlackSigner.Json("/slack/events", $$$"""
            {"type":"event_callback","event_id":"{{{eventId}}}","event_time":1741093600,
             "event":{"type":"member_joined_channel","user":"{{{user}}}","channel":"{{{channel ?? _channel}}}","channel_type":"C","team":"T1"}}
            """));

    [Fact]
    public async Task SomeoneJoiningAnOpenIncidentChannelIsOfferedACatchUpOnlyTheyCanSee()
    {
        await JoinAsync("EvJ1", FakeSlack.BotUserId);
        await JoinAsync("EvJ2", "U500DAVE", channel: "C9GENERAL");
        await JoinAsync("EvJ3", "U600ERIN");

        await Wait.Until(() => _slack.Accepted("chat.postEphemeral").Count == 1, "the offer to Erin");
        var offer = Assert.Single(_slack.Accepted("chat.postEphemeral"));
        Assert.Equal("U600ERIN", offer.Arg("user"));
        Assert.Equal(_channel, offer.Arg("channel"));
        Assert.Contains("\"value\":\"summary\"", offer.Body!["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
