using System.Net;
using IncidentBot.Chat;
using IncidentBot.Support;

namespace IncidentBot.Security;

/// <summary>No text the bot sends to Slack or Teams carries a live broadcast mention, whichever way it came in.</summary>
public sealed class BroadcastMentionTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private FakeTeams _teams = null!;
    private TeamsBot _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _teams = await FakeTeams.StartAsync();
        _bot = TeamsBot.Start(_teams, more: SlackBot.Settings(_slack));
    }

    public async Task DisposeAsync()
    {
        _bot.App.Dispose();
        await _slack.DisposeAsync();
        await _teams.DisposeAsync();
    }

    private string SentToSlack() => string.Join('\n', _slack.Calls.Select(c => c.Body?.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? ""));

    private string SentToTeams() => string.Join('\n', _teams.Calls.Select(c => c.Body?.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? ""));

    private static void AssertNoBroadcast(string sent)
    {
        Assert.DoesNotContain("<!channel", sent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<!here", sent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<!everyone", sent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<!subteam", sent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<at>", sent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ADeclarerNamedChannelThroughTheApiReachesSlacksWelcomeNeutralised()
    {
        var (response, _) = await _bot.Client.PostJsonAsync("/api/incidents", new { title = "Checkout down", severity = "SEV2", user = "<!channel>" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await Wait.Until(() => _slack.Accepted("pins.add").Count == 1 && _slack.Accepted("chat.postMessage").Count >= 2, "the welcome and the announcement");

        var sent = SentToSlack();
        Assert.Contains("&lt;!channel>", sent, StringComparison.Ordinal);
        AssertNoBroadcast(sent);
    }

    [Fact]
    public async Task ARoleGivenToChannelStaysOutOfTheTopicAndTheRoom()
    {
        var number = await _bot.Client.DeclareAsync("Search stale");
        await Wait.Until(() => _slack.Accepted("pins.add").Count == 1, "the room");

        foreach (var command in new[] { "role commander @<!channel>", "role scribe @<!here>", "note ping <!everyone> and <!subteam^S123|oncall> <at>General</at>", "update <!channel> all fine" })
        {
            var (response, body) = await _bot.Client.CommandAsync(number, command);
            Assert.True(response.IsSuccessStatusCode, body?.ToJsonString());
        }

        await Wait.Until(() => _slack.Accepted("conversations.setTopic").Count >= 3 && _slack.Accepted("chat.postMessage").Any(c => c.Arg("text").Contains("Status update", StringComparison.Ordinal)), "the topic and the update");
        var topics = _slack.Accepted("conversations.setTopic").Select(c => c.Arg("topic")).ToList();
        Assert.Contains(topics, t => t.Contains("IC @&lt;!channel>", StringComparison.Ordinal));
        AssertNoBroadcast(SentToSlack());
    }

    [Fact]
    public async Task ATeamsDisplayNameOfChannelReachesSlackAndTeamsNeutralised()
    {
        await _bot.SendAsync(TeamsSigner.Installed(_teams));
        await _bot.AskAsync(TeamsSigner.ChannelMessage(_teams, "declare Payments API down sev1", name: "<!channel> <at>Everyone</at>"));

        await Wait.Until(() => _slack.Accepted("pins.add").Count == 1 && _teams.Accepted("conversations").Count == 1, "both rooms");

        AssertNoBroadcast(SentToSlack());
        AssertNoBroadcast(SentToTeams());
        Assert.Contains("&lt;!channel>", SentToSlack(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!channel>", "&lt;!channel>")]
    [InlineData("a <!here> b", "a &lt;!here> b")]
    [InlineData("<AT>x</AT>", "&lt;AT>x</AT>")]
    [InlineData("<@U123|alice> and <https://x.example|x> and <atlas>", "<@U123|alice> and <https://x.example|x> and <atlas>")]
    public void TheOneNeutraliserKeepsPeopleAndLinksAndIsIdempotent(string text, string expected)
    {
        Assert.Equal(expected, ChatText.Neutralise(text));
        Assert.Equal(expected, ChatText.Neutralise(ChatText.Neutralise(text)));
    }
}
