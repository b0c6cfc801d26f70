using System.Net;
using System.Net.Http.Headers;
using IncidentBot.Support;

namespace IncidentBot.Api;

public sealed class ApiAccessTests : IDisposable
{
    private readonly BotApp _app = new(settings: new Dictionary<string, string?> { ["Api:Token"] = "s3cret-token" });

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/api/incidents")]
    [InlineData("/")]
    public async Task WithATokenSetTheApiAndDashboardRefuseStrangers(string url)
    {
        var response = await _app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AWrongBearerTokenIsRefused()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-tokem");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/incidents", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TheRightBearerTokenIsAccepted()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-token");

        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/incidents", new { title = "x" })).Response.StatusCode);
    }

    [Fact]
    public async Task HealthAndMetricsNeedNoToken()
    {
        var client = _app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TheDashboardSignInSetsACookieThatOpensThePages()
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });

        var wrong = await client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent([new("token", "nope")]));
        var right = await client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent([new("token", "s3cret-token")]));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("<h1>Incidents</h1>", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:5080", false)]
    [InlineData("http://127.0.0.1:5080;http://[::1]:5080", false)]
    [InlineData("http://0.0.0.0:5080", true)]
    [InlineData("http://*:80", true)]
    [InlineData("http://+:80", true)]
    [InlineData("http://[::]:80", true)]
    [InlineData("http://10.1.2.3:80", true)]
    [InlineData("https://bot.example.com:443", true)]
    public void ListeningBeyondLoopbackIsRecognised(string urls, bool beyond) =>
        Assert.Equal(beyond, ApiAccess.ListensBeyondLoopback(urls.Split(';')));
}
