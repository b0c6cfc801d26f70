using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Support;

namespace IncidentBot.Slack;

public sealed class SlackWorkflowTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private BotApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _app = SlackBot.Start(_slack);
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _slack.DisposeAsync();
    }

    private Task<string> SlashAsync(string text, string channel = "C9GENERAL", string user = "U100ALICE", string name = "alice") =>
        SlackBot.SlashAsync(_client, _slack, text, channel, user, name);

    private async Task<string> DeclareAndOpenRoomAsync(string text = "declare Payments API down sev1")
    {
        Assert.StartsWith("Declared INC-1: Payments API down (SEV1)", await SlashAsync(text), StringComparison.Ordinal);
        await Wait.Until(() => _slack.Accepted("pins.add").Count == 1 && _slack.Accepted("chat.postMessage").Count >= 2, "the room to open");
        return _slack.Accepted("conversations.create")[0].Arg("name") is var name && name.Length > 0
            ? _slack.Accepted("chat.postMessage")[0].Arg("channel")
            : throw new InvalidOperationException("no channel");
    }

    [Fact]
    public async Task DeclaringOpensANamedChannelWithTopicInvitePinnedWelcomeBookmarkAndAnnouncement()
    {
        var channel = await DeclareAndOpenRoomAsync();

        var create = Assert.Single(_slack.Accepted("conversations.create"));
        Assert.Equal("inc-1-payments-api-down", create.Arg("name"));
        Assert.Equal("false", create.Arg("is_private"));
        Assert.Equal("Bearer " + FakeSlack.Token, create.Authorization);
        Assert.Equal("SEV1 · investigating · IC — · scribe — · comms —", Assert.Single(_slack.Accepted("conversations.setTopic")).Arg("topic"));
        Assert.Equal("U100ALICE", Assert.Single(_slack.Accepted("conversations.invite")).Arg("users"));
        var welcome = _slack.Accepted("chat.postMessage").First(c => c.Arg("channel") == channel);
        Assert.Contains("INC-1: Payments API down", welcome.Body!["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        var pin = Assert.Single(_slack.Accepted("pins.add"));
        Assert.Equal(channel, pin.Arg("channel"));
        Assert.Equal(welcome.Body!["ts"]?.ToString() ?? pin.Arg("timestamp"), pin.Arg("timestamp"));
        var bookmark = Assert.Single(_slack.Accepted("bookmarks.add"));
        Assert.Equal(channel, bookmark.Arg("channel_id"));
        Assert.Equal("http://localhost:5080/incidents/1", bookmark.Arg("link"));
        var announcement = _slack.Accepted("chat.postMessage").Single(c => c.Arg("channel") == SlackBot.Announcements);
        Assert.Contains("INC-1 declared: Payments API down (SEV1)", announcement.Arg("text"), StringComparison.Ordinal);
        Assert.Contains($"<#{channel}>", announcement.Arg("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATakenChannelNameGetsASuffix()
    {
        _slack.TakenNames["inc-1-payments-api-down"] = true;

        await DeclareAndOpenRoomAsync();

        Assert.Equal("inc-1-payments-api-down-2", Assert.Single(_slack.Accepted("conversations.create")).Arg("name"));
    }

    [Fact]
    public async Task PrivateIncidentsGetAPrivateChannelAndNoAnnouncement()
    {
        await SlashAsync("declare Leaked credentials sev2 private");
        await Wait.Until(() => _slack.Accepted("pins.add").Count == 1, "the room to open");

        Assert.Equal("true", Assert.Single(_slack.Accepted("conversations.create")).Arg("is_private"));
        Assert.DoesNotContain(_slack.Accepted("chat.postMessage"), c => c.Arg("channel") == SlackBot.Announcements);
    }

    [Fact]
    public async Task CommandsInTheRoomChangeTheIncidentTopicAndRoomAndAnnounceWhatStakeholdersNeed()
    {
        var channel = await DeclareAndOpenRoomAsync();

        Assert.Contains("is now Incident Commander", await SlashAsync("role commander", channel), StringComparison.Ordinal);
        Assert.Contains("is now SEV2", await SlashAsync("sev 2", channel, "U200BOB", "bob"), StringComparison.Ordinal);
        await SlashAsync("role scribe <@U200BOB|bob>", channel);
        await SlashAsync("status monitoring", channel);
        await SlashAsync("update Rolled back the 14:02 deploy; error rate falling", channel);
        await SlashAsync("note p99 back under 300ms", channel);
        Assert.Contains("resolved", await SlashAsync("resolve rollback held", channel), StringComparison.Ordinal);

        await Wait.Until(() => _slack.Accepted("chat.postMessage").Count(c => c.Arg("channel") == SlackBot.Announcements) == 3, "three announcements");
        var topics = _slack.Accepted("conversations.setTopic").Select(c => c.Arg("topic")).ToList();
        Assert.Equal("SEV2 · resolved · IC @alice · scribe @bob · comms —", topics[^1]);
        Assert.Equal("SEV1 · investigating · IC — · scribe — · comms —", topics[0]);
        Assert.Contains(_slack.Accepted("conversations.invite"), c => c.Arg("users") == "U200BOB");
        var roomLines = _slack.Accepted("chat.postMessage").Where(c => c.Arg("channel") == channel).Select(c => c.Arg("text")).ToList();
        Assert.Contains(roomLines, t => t.Contains("p99 back under 300ms", StringComparison.Ordinal));
        Assert.Contains(roomLines, t => t.Contains("Time to detect", StringComparison.Ordinal));
        var announced = _slack.Accepted("chat.postMessage").Where(c => c.Arg("channel") == SlackBot.Announcements).Select(c => c.Arg("text")).ToList();
        Assert.Contains(announced, t => t.Contains("Rolled back the 14:02 deploy", StringComparison.Ordinal));
        Assert.Contains(announced, t => t.Contains("INC-1 resolved", StringComparison.Ordinal));

        var (_, timeline) = await _client.GetJsonAsync("/api/incidents/1/timeline");
        Assert.Equal(
            ["declared", "role_assigned", "severity_changed", "role_assigned", "status_changed", "status_update", "note", "resolved"],
            timeline!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
        Assert.Equal("<@U100ALICE|alice>", timeline[1]!["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task CommandsOutsideARoomSayWhereTheyWork()
    {
        var reply = await SlashAsync("sev 1", "C9GENERAL");

        Assert.Contains("works inside an incident room", reply, StringComparison.Ordinal);
        Assert.Contains("/incident declare", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadCommandAnswersWithItsUsageLine()
    {
        var reply = await SlashAsync("sev eleven");

        Assert.Contains("Usage: `/incident sev <1-4>`", reply, StringComparison.Ordinal);
        Assert.Empty((await _client.GetJsonAsync("/api/incidents")).Body!.AsArray());
    }

    [Fact]
    public async Task IncidentAloneOpensTheDeclareModal()
    {
        var response = await _client.SendAsync(SlackSigner.Command(""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Wait.Until(() => _slack.Accepted("views.open").Count == 1, "views.open");
        var open = _slack.Accepted("views.open")[0];
        Assert.Equal("13345224609.738474920.8088930838d88f008e0", open.Arg("trigger_id"));
        Assert.Equal(SlackBlocks.DeclareCallback, open.Body!["view"]!["callback_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SubmittingTheModalDeclares()
    {
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = "U100ALICE", ["username"] = "alice" },
            ["view"] = new JsonObject
            {
                ["callback_id"] = SlackBlocks.DeclareCallback,
                ["private_metadata"] = "C9GENERAL",
                ["state"] = JsonNode.Parse("""
                    {"values": {"title": {"value": {"type": "plain_text_input", "value": "Login fails for SSO users"}},
                                "severity": {"value": {"type": "static_select", "selected_option": {"value": "sev2"}}},
                                "flags": {"value": {"type": "checkboxes", "selected_options": [{"value": "drill"}]}}}}
                    """),
            },
        };

        var response = await _client.SendAsync(SlackSigner.Form("/slack/interactivity", [new("payload", payload.ToJsonString())]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        JsonNode? incident = null;
        await Wait.Until(async () => (incident = (await _client.GetJsonAsync("/api/incidents/1")).Body?["incident"]) is not null, "the declaration");
        Assert.NotNull(incident);
        Assert.Equal("Login fails for SSO users", incident["title"]!.GetValue<string>());
        Assert.Equal("SEV2", incident["severity"]!.GetValue<string>());
        Assert.True(incident["drill"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AModalWithoutATitleShowsTheErrorOnTheField()
    {
        var payload = """{"type":"view_submission","user":{"id":"U1"},"view":{"callback_id":"incident_declare","state":{"values":{"title":{"value":{"value":"  "}}}}}}""";

        var response = await _client.SendAsync(SlackSigner.Form("/slack/interactivity", [new("payload", payload)]));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("errors", body["response_action"]!.GetValue<string>());
        Assert.NotNull(body["errors"]!["title"]);
    }

    [Fact]
    public async Task TheAcknowledgementDoesNotWaitForASlowSlack()
    {
        var slack = new TaskCompletionSource();
        _slack.Held = slack.Task;
        try
        {
            var reply = await SlashAsync("declare Checkout slow sev2");

            // The reply came while Slack answered nothing; the room's calls are on their way, held.
            Assert.StartsWith("Declared INC-1", reply, StringComparison.Ordinal);
            await Wait.Until(() => _slack.Waiting > 0, "the room's first call to reach Slack");
        }
        finally
        {
            slack.SetResult();
        }

        await Wait.Until(() => _slack.Accepted("conversations.create").Count == 1, "the room, once Slack answers");
    }
}
