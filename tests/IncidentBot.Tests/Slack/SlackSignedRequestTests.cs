using System.Net;
using IncidentBot.Support;

namespace IncidentBot.Slack;

public sealed class SlackSignedRequestTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private BotApp _app = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _app = SlackBot.Start(_slack);
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _slack.DisposeAsync();
    }

    public static TheoryData<string> Routes => ["/slack/commands", "/slack/events", "/slack/interactivity"];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task ABadSignatureIs401AndDoesNothing(string route)
    {
        var client = _app.CreateClient();
        var before = await DatabaseSnapshot.TakeAsync(_app);
        var request = SlackSigner.Form(route, [new("text", "declare Forged incident sev1"), new("user_id", "U1"), new("channel_id", "C1")], secret: "not-the-secret");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_app));
        Assert.Empty(_slack.Calls);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AStaleTimestampIs401AndDoesNothing(string route)
    {
        var client = _app.CreateClient();
        var before = await DatabaseSnapshot.TakeAsync(_app);

        var response = await client.SendAsync(SlackSigner.Form(route, [new("text", "declare Replayed sev1")], at: DateTimeOffset.UtcNow.AddMinutes(-6)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_app));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task MissingSignatureHeadersAre401(string route)
    {
        var client = _app.CreateClient();
        var request = SlackSigner.Form(route, [new("text", "declare Unsigned")]);
        request.Headers.Remove("X-Slack-Signature");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty((await client.GetJsonAsync("/api/incidents")).Body!.AsArray());
    }

    [Fact]
    public async Task SlackRoutesAreAbsentWhenSlackIsOff()
    {
        using var plain = new BotApp();

        var response = await plain.CreateClient().SendAsync(SlackSigner.Command("list"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UrlVerificationEchoesTheChallenge()
    {
        var response = await _app.CreateClient().SendAsync(SlackSigner.Json("/slack/events",
            """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}""", await response.Content.ReadAsStringAsync());
    }
}
