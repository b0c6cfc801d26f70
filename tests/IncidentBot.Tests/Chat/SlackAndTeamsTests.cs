using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Support;

namespace IncidentBot.Chat;

public sealed class SlackAndTeamsTests : IAsyncLifetime
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

    [Fact]
    public async Task IncidentsDeclaredOnSlackAndOnTeamsShareNumberingTheDashboardAndBothPlatformsRooms()
    {
        await _bot.SendAsync(TeamsSigner.Installed(_teams));
        Assert.StartsWith("Declared INC-1", await SlackBot.SlashAsync(_bot.Client, _slack, "declare Payments API down sev1"), StringComparison.Ordinal);

        await _bot.DeclareAsync("declare Search index stale sev3");

        await Wait.Until(() => _slack.Accepted("conversations.create").Count == 2 && _teams.Accepted("conversations").Count == 2, "both rooms on both platforms");
        Assert.Equal(["inc-1-payments-api-down", "inc-2-search-index-stale"], _slack.Accepted("conversations.create").Select(c => c.Arg("name")).Order());
        var cards = _teams.Accepted("conversations").Select(c => c.Body!["activity"]!.ToJsonString()).ToList();
        Assert.Contains(cards, c => c.Contains("INC-1: Payments API down", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains("INC-2: Search index stale", StringComparison.Ordinal));
        var dashboard = await _bot.Client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("Payments API down", dashboard, StringComparison.Ordinal);
        Assert.Contains("Search index stale", dashboard, StringComparison.Ordinal);
        var list = (await _bot.Client.GetJsonAsync("/api/incidents")).Body!.AsArray().Select(i => i!["key"]!.GetValue<string>());
        Assert.Equal(["INC-2", "INC-1"], list);
    }
}
