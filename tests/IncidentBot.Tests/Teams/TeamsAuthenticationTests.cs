using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Support;

namespace IncidentBot.Teams;

public sealed class TeamsAuthenticationTests : IAsyncLifetime
{
    private FakeTeams _teams = null!;
    private BotApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeams.StartAsync();
        _app = new BotApp(settings: _teams.Settings());
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task ACorrectlySignedActivityIsAcceptedAndRunsItsCommand()
    {
        var response = await _client.SendAsync(TeamsSigner.Post(TeamsSigner.ChannelMessage(_teams, "declare Signed and sealed sev2"), TeamsSigner.Token(_teams)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonNode? incident = null;
        await Wait.Until(async () => (incident = (await _client.GetJsonAsync("/api/incidents/1")).Body?["incident"]) is not null, "the declaration");
        Assert.NotNull(incident);
        Assert.Equal("Signed and sealed", incident["title"]!.GetValue<string>());
        Assert.Equal("Alice\u00A0Smith", incident["declaredBy"]!.GetValue<string>());
    }

    public static TheoryData<string> Forgeries => ["wrong issuer", "wrong audience", "expired", "unknown key", "forged signature", "wrong serviceUrl claim", "missing header", "not a JWT"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task AForgedOrStaleTokenIs401AndNothingIsStoredOrSent(string forgery)
    {
        var before = await DatabaseSnapshot.TakeAsync(_app);
        var token = forgery switch
        {
            "wrong issuer" => TeamsSigner.Token(_teams, issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"),
            "wrong audience" => TeamsSigner.Token(_teams, audience: "another-bots-app-id"),
            "expired" => TeamsSigner.Token(_teams, expires: DateTime.UtcNow.AddMinutes(-30)),
            "unknown key" => TeamsSigner.Token(_teams, key: FakeTeams.NewKey("key-not-in-the-jwks")),
            "forged signature" => TeamsSigner.Token(_teams, key: FakeTeams.NewKey("key-1")),
            "wrong serviceUrl claim" => TeamsSigner.Token(_teams, serviceUrl: "https://smba.trafficmanager.net/emea/"),
            "not a JWT" => "definitely-not-a-jwt",
            _ => null,
        };

        var response = await _client.SendAsync(TeamsSigner.Post(TeamsSigner.ChannelMessage(_teams, "declare Forged incident sev1"), token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_app));
        Assert.DoesNotContain(_teams.Calls, c => c.Kind != "token");
    }

    [Fact]
    public async Task AKeyWithAnUnknownKidIsLookedUpOnceAndStillRefused()
    {
        var stranger = FakeTeams.NewKey("key-nobody-published");
        await _client.SendAsync(TeamsSigner.Post(TeamsSigner.ChannelMessage(_teams, "list"), TeamsSigner.Token(_teams)));
        var fetches = _teams.KeySetFetches;

        var first = await _client.SendAsync(TeamsSigner.Post(TeamsSigner.ChannelMessage(_teams, "list"), TeamsSigner.Token(_teams, key: stranger)));
        var second = await _client.SendAsync(TeamsSigner.Post(TeamsSigner.ChannelMessage(_teams, "list"), TeamsSigner.Token(_teams, key: stranger)));

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(fetches + 1, _teams.KeySetFetches);
    }

    [Fact]
    public async Task KeysAreCachedAndANewlyPublishedKeyIsFetchedWhenATokenUsesIt()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(TeamsSigner.Post(TeamsSigner.ChannelMessage(_teams, "list"), TeamsSigner.Token(_teams)))).StatusCode);
        }

        Assert.Equal(1, _teams.KeySetFetches);
        var rolled = FakeTeams.NewKey("key-2");
        _teams.Publish(rolled);

        var response = await _client.SendAsync(TeamsSigner.Post(TeamsSigner.ChannelMessage(_teams, "list"), TeamsSigner.Token(_teams, key: rolled)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _teams.KeySetFetches);
    }

    [Fact]
    public async Task AnActivityFromAChannelTheKeyDoesNotEndorseIs401()
    {
        var activity = TeamsSigner.ChannelMessage(_teams, "declare From elsewhere");
        activity["channelId"] = "webchat";

        var response = await _client.SendAsync(TeamsSigner.Post(activity, TeamsSigner.Token(_teams)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty((await _client.GetJsonAsync("/api/incidents")).Body!.AsArray());
    }

    [Fact]
    public async Task TeamsRouteIsAbsentWhenTeamsIsOff()
    {
        using var plain = new BotApp();

        var response = await plain.CreateClient().SendAsync(TeamsSigner.Post(TeamsSigner.ChannelMessage(_teams, "list"), TeamsSigner.Token(_teams)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
