using IncidentBot.Support;

namespace IncidentBot.Teams;

public sealed class TeamsGraphRoomTests : IAsyncLifetime
{
    private FakeTeams _teams = null!;
    private TeamsBot _bot = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeams.StartAsync();
        _bot = TeamsBot.Start(_teams, graphRooms: true);
    }

    public async Task DisposeAsync()
    {
        _bot.App.Dispose();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task DeclaringCreatesAChannelInTheTeamThroughGraphAndPostsTheWelcomeCardThere()
    {
        var channel = await _bot.DeclareAsync("declare Payments API: 502s for 40% of requests sev1");

        var created = Assert.Single(_teams.Accepted("channels"));
        Assert.Equal(FakeTeams.TeamId, created.ConversationId);
        Assert.Equal("INC-1 Payments API 502s for 40 of requests", created.Body!["displayName"]!.GetValue<string>());
        Assert.Equal("standard", created.Body!["membershipType"]!.GetValue<string>());
        Assert.StartsWith("Bearer graph-token-", created.Authorization, StringComparison.Ordinal);
        Assert.Equal(created.Created, channel);
        Assert.Contains(_teams.Accepted("token"), t => t.ConversationId == FakeTeams.TenantId && t.Body!["scope"]!.GetValue<string>() == "https://graph.microsoft.com/.default");
        var welcome = Assert.Single(_teams.Accepted("conversations"));
        Assert.StartsWith("Bearer bf-token-", welcome.Authorization, StringComparison.Ordinal);
        Assert.Contains("INC-1: Payments API", welcome.Body!["activity"]!["attachments"]![0]!["content"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATakenChannelNameGetsASuffix()
    {
        _teams.TakenChannelNames["INC-1 Checkout slow"] = true;

        await _bot.DeclareAsync("declare Checkout slow sev2");

        Assert.Equal("INC-1 Checkout slow 2", Assert.Single(_teams.Accepted("channels")).Body!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnyThreadOfTheIncidentsChannelRunsCommandsForItsIncidentAndEntriesArePostedToTheChannel()
    {
        var channel = await _bot.DeclareAsync("declare Checkout slow sev2");
        var thread = TeamsSigner.ChannelMessage(_teams, "sev 1", conversation: $"{channel};messageid=1700000000999", channel: channel);

        Assert.Contains("INC-1 is now SEV1", await _bot.AskAsync(thread), StringComparison.Ordinal);

        await Wait.Until(() => _teams.Accepted("activities").Any(c => c.ConversationId == channel && c.ReplyToId is null), "the severity card in the channel");
        var card = _teams.Accepted("activities").First(c => c.ConversationId == channel && c.ReplyToId is null);
        Assert.Contains("SEV1", card.Body!["attachments"]![0]!["content"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
