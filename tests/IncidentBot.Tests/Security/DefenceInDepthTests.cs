using System.Net;
using System.Net.Http.Headers;
using IncidentBot.Support;

namespace IncidentBot.Security;

public sealed class DefenceInDepthTests : IDisposable
{
    private const string Token = "defence-in-depth-token";

    private readonly BotApp _app = new(settings: new Dictionary<string, string?> { ["Api:Token"] = Token });

    public void Dispose() => _app.Dispose();

    private HttpClient Authorised()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/incidents/1")]
    [InlineData("/api/incidents/1/postmortem?format=html")]
    [InlineData("/nowhere")]
    public async Task EveryPageSendsAContentSecurityPolicyNosniffAndAReferrerPolicy(string url)
    {
        var client = Authorised();
        var number = await client.DeclareAsync("Headers");
        await client.CommandAsync(number, "postmortem");

        foreach (var response in new[] { await client.GetAsync(new Uri(url, UriKind.Relative)), await _app.CreateClient().GetAsync(new Uri(url, UriKind.Relative)) })
        {
            var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    [Fact]
    public async Task ThePostmortemPagesOnlyInlineStyleIsAllowedByItsHash()
    {
        var client = Authorised();
        var number = await client.DeclareAsync("Styled");
        var response = await client.GetAsync(new Uri($"/api/incidents/{number}/postmortem?format=html", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        var style = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("head style")!.TextContent;
        var hash = "sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style)));
        Assert.Contains($"'{hash}'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains($"'{hash}'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void KestrelEndpointsBeyondLoopbackWithoutATokenRefuseToStart()
    {
        var folder = Directory.CreateTempSubdirectory("incidentbot-test-").FullName;
        var error = Assert.Throws<InvalidOperationException>(() => IncidentBot.Hosting.BotHost.Build(
        [
            "--Kestrel:Endpoints:Public:Url=http://0.0.0.0:0",
            $"--Storage:ConnectionString=Data Source={Path.Combine(folder, "incidentbot.db")}",
        ]));
        Assert.Contains("http://0.0.0.0:0", error.Message, StringComparison.Ordinal);
        Assert.Contains("Api:Token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetricsCanRequireTheToken()
    {
        using var app = new BotApp(settings: new Dictionary<string, string?> { ["Api:Token"] = Token, ["Metrics:RequireToken"] = "true" });

        var stranger = await app.CreateClient().GetAsync(new Uri("/metrics", UriKind.Relative));
        var wrong = app.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
        var right = app.CreateClient();
        right.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await right.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task MetricsRequireTheTokenByDefaultBeyondLoopback()
    {
        await using var bot = await RunningBot.StartAsync(new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:0", ["Api:Token"] = Token });
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{bot.BaseAddress.Port}/") };

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await new HttpClient { BaseAddress = client.BaseAddress }.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TokensOfAnyLengthAreComparedAndOnlyTheRightOneOpens()
    {
        foreach (var presented in new[] { "", "d", Token[..^1], Token + "x", new string('x', 5000), Token.ToUpperInvariant() })
        {
            var client = _app.CreateClient();
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + presented);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/incidents", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await Authorised().GetAsync(new Uri("/api/incidents", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TheApisUserFieldIsCappedLikeTitlesAndNothingIsStored()
    {
        var client = Authorised();
        var number = await client.DeclareAsync("Capped");
        var before = await DatabaseSnapshot.TakeAsync(_app);
        var huge = new string('u', 62_202);

        var (declared, declareProblem) = await client.PostJsonAsync("/api/incidents", new { title = "Another", user = huge });
        var (commanded, commandProblem) = await client.PostJsonAsync($"/api/incidents/{number}/commands", new { user = huge, text = "note hello" });

        Assert.Equal(HttpStatusCode.BadRequest, declared.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, commanded.StatusCode);
        Assert.Contains("limit is 200", declareProblem!["errors"]!["user"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("limit is 200", commandProblem!["errors"]!["user"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_app));
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/incidents/{number}/commands", new { user = new string('u', 200), text = "note fits" })).Response.StatusCode);
    }
}
