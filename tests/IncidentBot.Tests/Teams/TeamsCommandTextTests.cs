using System.Text.Json;

namespace IncidentBot.Teams;

public sealed class TeamsCommandTextTests
{
    private const string Bot = "28:bot";

    [Theory]
    [InlineData("<at>IncidentBot</at> sev 2", "sev 2")]
    [InlineData("<at>IncidentBot</at>&nbsp;note <b>db</b> failover done", "note <b>db</b> failover done")]
    [InlineData("<p><at>IncidentBot</at> status monitoring</p>", "status monitoring")]
    [InlineData("help", "help")]
    public void TheBotsMentionIsRemoved(string text, string command) =>
        Assert.Equal(command, TeamsCommandText.FromText(text, [new("mention", "<at>IncidentBot</at>", new(Bot, "IncidentBot"))], Bot));

    [Fact]
    public void SomeoneElsesMentionBecomesOneWordOfTheGrammar()
    {
        var text = TeamsCommandText.FromText(
            "<at>IncidentBot</at> role scribe <at>Bob Jones</at>",
            [new("mention", "<at>IncidentBot</at>", new(Bot, "IncidentBot")), new("mention", "<at>Bob Jones</at>", new("29:bob", "Bob Jones"))],
            Bot);

        Assert.Equal("role scribe @Bob\u00A0Jones", text);
        Assert.Equal(["role", "scribe", "@Bob\u00A0Jones"], text.Split(' '));
    }

    [Fact]
    public void ACardSubmitsCommandWinsOverText()
    {
        var activity = new TeamsActivity("message", "1", null, "https://smba.example/", "msteams", null, new(Bot, "IncidentBot"), null,
            null, null, JsonDocument.Parse("""{"command":"summary"}""").RootElement, null, null);

        Assert.Equal("summary", TeamsCommandText.Of(activity));
    }

    [Theory]
    [InlineData("Payments API: 502s / 40% of requests", 1, "INC-7 Payments API 502s 40 of requests")]
    [InlineData("Checkout slow", 3, "INC-7 Checkout slow 3")]
    [InlineData("A very long title that goes on and on well past what Teams allows for a channel", 1, "INC-7 A very long title that goes on and on well p")]
    public void ChannelNamesFollowGraphsRules(string title, int attempt, string name)
    {
        var made = TeamsChannelName.For(7, title, attempt);

        Assert.Equal(name, made);
        Assert.True(made.Length <= TeamsChannelName.MaxLength);
    }

    [Fact]
    public void GraphTokensComeFromTheTenantsOwnEndpoint()
    {
        var options = new TeamsOptions { TenantId = "contoso-tenant" };

        Assert.Equal("https://login.microsoftonline.com/contoso-tenant/oauth2/v2.0/token", options.GraphTokenEndpoint.ToString());
    }

    [Theory]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration", true)]
    [InlineData("http://127.0.0.1:5000/v1/.well-known/openidconfiguration", true)]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration", false)]
    [InlineData("not a url", false)]
    public void TokensAndSecretsTravelOnlyOverHttpsOrLoopback(string url, bool safe) =>
        Assert.Equal(safe, TeamsOptions.IsSafeAddress(url));
}
