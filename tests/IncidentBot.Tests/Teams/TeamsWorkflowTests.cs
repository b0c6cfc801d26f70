using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Support;

namespace IncidentBot.Teams;

public sealed class TeamsWorkflowTests : IAsyncLifetime
{
    private FakeTeams _teams = null!;
    private TeamsBot _bot = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeams.StartAsync();
        _bot = TeamsBot.Start(_teams);
    }

    public async Task DisposeAsync()
    {
        _bot.App.Dispose();
        await _teams.DisposeAsync();
    }

    private Task<string> InRoomAsync(string room, string command, string from = TeamsSigner.Alice, string name = "Alice Smith") =>
        _bot.AskAsync(TeamsSigner.ChannelMessage(_teams, command, room, from, name));

    [Fact]
    public async Task DeclaringOpensAThreadInTheIncidentsChannelWithTheWelcomeCard()
    {
        var room = await _bot.DeclareAsync("declare Payments API down sev1");

        var created = Assert.Single(_teams.Accepted("conversations"));
        Assert.Equal(FakeTeams.IncidentsChannel + ";messageid=", room[..(FakeTeams.IncidentsChannel.Length + 11)]);
        Assert.True(created.Body!["isGroup"]!.GetValue<bool>());
        Assert.Equal(FakeTeams.TenantId, created.Body!["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.StartsWith("Bearer bf-token-", created.Authorization, StringComparison.Ordinal);
        var attachment = created.Body!["activity"]!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Contains("INC-1: Payments API down", card["body"]!.ToJsonString(), StringComparison.Ordinal);
        var buttons = card["actions"]!.AsArray().Where(a => a!["type"]!.GetValue<string>() == "Action.Execute").Select(a => a!["data"]!["command"]!.GetValue<string>());
        Assert.Equal(["role commander", "role scribe", "summary"], buttons);
        var token = Assert.Single(_teams.Accepted("token"));
        Assert.Equal("https://api.botframework.com/.default", token.Body!["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task EveryCommandWorksInTheRoomAndPostsItsCardOrLine()
    {
        var room = await _bot.DeclareAsync();

        Assert.Contains("is now Incident Commander of INC-1", await InRoomAsync(room, "role commander"), StringComparison.Ordinal);
        Assert.Contains("is now SEV2", await InRoomAsync(room, "sev 2", TeamsSigner.Bob, "Bob Jones"), StringComparison.Ordinal);
        var giveScribe = TeamsSigner.ChannelMessage(_teams, "role scribe <at>Bob Jones</at>", room);
        giveScribe["entities"]!.AsArray().Add(TeamsSigner.Mention("Bob Jones", TeamsSigner.Bob));
        Assert.Contains("Bob\u00A0Jones is now Scribe", await _bot.AskAsync(giveScribe), StringComparison.Ordinal);
        Assert.Contains("monitoring", await InRoomAsync(room, "status monitoring"), StringComparison.Ordinal);
        await InRoomAsync(room, "note p99 back under 300ms");
        await InRoomAsync(room, "update Rolled back the 14:02 deploy; error rate falling");
        Assert.Contains("INC-1", await InRoomAsync(room, "summary"), StringComparison.Ordinal);
        Assert.Contains("Timeline of INC-1", await InRoomAsync(room, "timeline"), StringComparison.Ordinal);
        Assert.Contains("resolved", await InRoomAsync(room, "resolve rollback held"), StringComparison.Ordinal);
        Assert.Contains("No open incidents", await InRoomAsync(room, "list"), StringComparison.Ordinal);
        Assert.Contains("`@IncidentBot declare <title>", await InRoomAsync(room, "help"), StringComparison.Ordinal);

        await Wait.Until(() => _teams.Said(room).Count(s => !s.Contains("\"replyToId\"", StringComparison.Ordinal)) == 8, "every entry after the declaration in the room");
        var posted = _teams.Accepted("activities").Where(c => c.ConversationId == room && c.ReplyToId is null).ToList();
        var cards = posted.Where(c => c.Body!["attachments"] is not null).Select(c => string.Join(" | ", Strings(c.Body!["attachments"]![0]!["content"]!))).ToList();
        Assert.Contains(cards, c => c.Contains("Rolled back the 14:02 deploy", StringComparison.Ordinal) && c.Contains("Status update", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains("SEV2", StringComparison.Ordinal) && c.Contains("@Bob\u00A0Jones", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains("INC-1 resolved by", StringComparison.Ordinal));
        Assert.Contains(posted, c => c.Body!["text"]?.GetValue<string>().Contains("p99 back under 300ms", StringComparison.Ordinal) == true);
        var (_, timeline) = await _bot.Client.GetJsonAsync("/api/incidents/1/timeline");
        Assert.Equal(
            ["declared", "role_assigned", "severity_changed", "role_assigned", "status_changed", "note", "status_update", "summary_posted", "resolved"],
            timeline!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
        Assert.Equal("Alice\u00A0Smith", timeline[1]!["actor"]!.GetValue<string>());
    }

    /// <summary>Every string in a card, as Teams would show them.</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    [Fact]
    public async Task APrivateIncidentGetsNoRoomInTeamsWhereEveryoneInTheTeamWouldSeeIt()
    {
        Assert.Contains("Declared INC-1", await _bot.AskAsync(TeamsSigner.ChannelMessage(_teams, "declare Leaked credentials sev2 private")), StringComparison.Ordinal);
        await _bot.Client.CommandAsync(1, "note rotated the keys");
        await Wait.Until(() => OutboxDelivered(_bot.App) == 2, "both entries to be handled");

        Assert.Empty(_teams.Accepted("conversations"));
        Assert.DoesNotContain(_teams.Calls, c => c.Shown.Contains("rotated the keys", StringComparison.Ordinal));
    }

    private static int OutboxDelivered(BotApp app)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM jobs WHERE key LIKE 'chat:teams:%' AND state = 'done'";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task ABadCommandAnswersWithItsUsageLineAndChangesNothing()
    {
        var reply = await _bot.AskAsync(TeamsSigner.ChannelMessage(_teams, "sev eleven"));

        Assert.Contains("Usage: `@IncidentBot sev <1-4>`", reply, StringComparison.Ordinal);
        Assert.Empty((await _bot.Client.GetJsonAsync("/api/incidents")).Body!.AsArray());
    }

    [Fact]
    public async Task CommandsOutsideARoomSayWhereTheyWork()
    {
        var reply = await _bot.AskAsync(TeamsSigner.ChannelMessage(_teams, "sev 1"));

        Assert.Contains("works inside an incident room", reply, StringComparison.Ordinal);
        Assert.Contains("@IncidentBot declare", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InAOneToOneChatNoMentionIsNeeded()
    {
        var reply = await _bot.AskAsync(TeamsSigner.PersonalMessage(_teams, "declare Login fails for SSO users sev2 drill"));

        Assert.StartsWith("Declared INC-1: Login fails for SSO users (SEV2, DRILL)", reply, StringComparison.Ordinal);
        Assert.Contains("1 open incident", await _bot.AskAsync(TeamsSigner.PersonalMessage(_teams, "list")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingTheBotPostsAWelcomeWithTheCommands()
    {
        var installed = TeamsSigner.Installed(_teams);

        await _bot.SendAsync(installed);

        await Wait.Until(() => _teams.Accepted("activities").Any(c => c.ConversationId == FakeTeams.IncidentsChannel), "the welcome");
        var welcome = _teams.Accepted("activities").Single(c => c.ConversationId == FakeTeams.IncidentsChannel).Body!["text"]!.GetValue<string>();
        Assert.Contains("`@IncidentBot declare <title> [sev1|sev2|sev3|sev4] [private] [drill]`", welcome, StringComparison.Ordinal);
        Assert.Contains("`@IncidentBot role <commander|scribe|comms> [@user]`", welcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACardSubmitRunsTheCommandItCarries()
    {
        var room = await _bot.DeclareAsync();
        var submit = TeamsSigner.ChannelMessage(_teams, "", room, TeamsSigner.Bob, "Bob Jones");
        submit.Remove("text");
        submit.Remove("entities");
        submit["value"] = new JsonObject { ["command"] = "role commander" };

        Assert.Contains("Bob\u00A0Jones is now Incident Commander", await _bot.AskAsync(submit), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnActionExecuteInvokeIsAnsweredInTheHttpResponse()
    {
        var room = await _bot.DeclareAsync();
        var invoke = TeamsSigner.Activity(_teams, "invoke", room, "channel", TeamsSigner.Alice, "Alice Smith");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = TeamsCards.Verb, ["data"] = new JsonObject { ["command"] = "role scribe" } },
            ["trigger"] = "manual",
        };

        var response = await _bot.SendAsync(invoke);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Contains("Alice\u00A0Smith is now Scribe of INC-1", body["value"]!.GetValue<string>(), StringComparison.Ordinal);
        var incident = (await _bot.Client.GetJsonAsync("/api/incidents/1")).Body!["incident"]!;
        Assert.Equal("Alice\u00A0Smith", incident["roles"]!["scribe"]!.GetValue<string>());
    }

    [Fact]
    public async Task ABodyThatIsNotAnActivityIs400AfterTheTokenIsChecked()
    {
        var request = TeamsSigner.Post(new JsonObject { ["hello"] = "world" }, TeamsSigner.Token(_teams));

        var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
