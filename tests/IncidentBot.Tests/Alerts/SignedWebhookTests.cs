using System.Net;
using System.Text;
using IncidentBot.Support;

namespace IncidentBot.Alerts;

/// <summary>PagerDuty, Sentry and Grafana sign their webhooks; the vectors are computed as each vendor documents.</summary>
public sealed class SignedWebhookTests : IDisposable
{
    private const string GrafanaSecret = "grafana-hmac-secret";

    private readonly BotApp _app = new(settings: AlertWebhooks.Settings(new Dictionary<string, string?>
    {
        ["Alerts:grafana:Secret"] = GrafanaSecret,
    }));

    private readonly HttpClient _client;

    public SignedWebhookTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task PagerDutysDocumentedVectorIsAccepted()
    {
        var (response, body) = await SendSignedAsync("pagerduty", AlertWebhooks.Payload("pagerduty-small.body"), "X-PagerDuty-Signature",
            "v1=09adaf0c87c4e50e235e902f04d42f7e2575d9b38454e1b69bf52e9258c65a61");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body!["incidents"]![0]!["opened"]!.GetValue<bool>());
    }

    [Fact]
    public async Task DuringPagerDutySecretRotationAnyMatchingSignatureIsAccepted()
    {
        var (response, _) = await SendSignedAsync("pagerduty", AlertWebhooks.Payload("pagerduty-small.body"), "X-PagerDuty-Signature",
            "v1=78fec82162b8d1c41cd1f83338f0d1aee8dedf57167329a7301e655ad7867112, v1=09adaf0c87c4e50e235e902f04d42f7e2575d9b38454e1b69bf52e9258c65a61");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PagerDutysVectorOverTheWholeSampleFileIsAccepted()
    {
        var (response, _) = await SendSignedAsync("pagerduty", AlertWebhooks.Payload("pagerduty-triggered.json"), "X-PagerDuty-Signature",
            "v1=df264d1f9989e09bff2b98ffe1287ff9ab25b2a7be91ceb04210deb5be63dd0b");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("v0=09adaf0c87c4e50e235e902f04d42f7e2575d9b38454e1b69bf52e9258c65a61")]
    [InlineData("v2=09adaf0c87c4e50e235e902f04d42f7e2575d9b38454e1b69bf52e9258c65a61")]
    [InlineData("09adaf0c87c4e50e235e902f04d42f7e2575d9b38454e1b69bf52e9258c65a61")]
    [InlineData("v1=78fec82162b8d1c41cd1f83338f0d1aee8dedf57167329a7301e655ad7867112")]
    public async Task APagerDutySignatureThatIsNotAMatchingV1IsRefused(string header)
    {
        var before = await DatabaseSnapshot.TakeAsync(_app);

        var (response, _) = await SendSignedAsync("pagerduty", AlertWebhooks.Payload("pagerduty-small.body"), "X-PagerDuty-Signature", header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_app));
    }

    [Fact]
    public async Task OneChangedByteBreaksThePagerDutySignature()
    {
        var body = AlertWebhooks.Payload("pagerduty-small.body");
        body[^3] = (byte)'y';

        var (response, _) = await SendSignedAsync("pagerduty", body, "X-PagerDuty-Signature",
            "v1=09adaf0c87c4e50e235e902f04d42f7e2575d9b38454e1b69bf52e9258c65a61");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SentrysVectorOverTheCompactBodyIsAccepted()
    {
        var (response, body) = await SendSignedAsync("sentry", AlertWebhooks.Payload("sentry-issue-created.compact.body"), "Sentry-Hook-Signature",
            "11972b815b4e930f33362c8c3c57b65ee95f2bf3fe77b86ed8dc62eb4fb0decb", r => r.Headers.Add("Sentry-Hook-Resource", "issue"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body!["stored"]!.GetValue<int>());
    }

    [Fact]
    public async Task ASentrySignatureOverAReserialisedBodyIsRefused()
    {
        // Sentry signs the compact bytes it sends; the pretty-printed sample is the same JSON with other bytes.
        var (response, _) = await SendSignedAsync("sentry", AlertWebhooks.Payload("sentry-issue-created.json"), "Sentry-Hook-Signature",
            "11972b815b4e930f33362c8c3c57b65ee95f2bf3fe77b86ed8dc62eb4fb0decb", r => r.Headers.Add("Sentry-Hook-Resource", "issue"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AGrafanaHmacSignatureOverTheBodyIsAccepted()
    {
        var body = AlertWebhooks.Payload("grafana-firing.json");

        var (response, _) = await SendSignedAsync("grafana", body, "X-Grafana-Alerting-Signature", AlertWebhooks.Hmac(GrafanaSecret, body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AWrongGrafanaSignatureIsRefusedEvenThoughNoTokenIsNeeded()
    {
        var body = AlertWebhooks.Payload("grafana-firing.json");

        var (response, _) = await SendSignedAsync("grafana", body, "X-Grafana-Alerting-Signature", AlertWebhooks.Hmac("not-the-secret", body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GrafanaWithATimestampHeaderSignsTimestampColonBodyAndStaleTimestampsAreRefused()
    {
        using var app = new BotApp(settings: AlertWebhooks.Settings(new Dictionary<string, string?>
        {
            ["Alerts:grafana:Secret"] = GrafanaSecret,
            ["Alerts:grafana:TimestampHeader"] = "X-Grafana-Alerting-Signature-Timestamp",
        }));
        using var client = app.CreateClient();
        var body = AlertWebhooks.Payload("grafana-small.body");

        async Task<HttpStatusCode> SendAsync(long timestamp)
        {
            var ts = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var signed = Encoding.UTF8.GetBytes(ts + ":").Concat(body).ToArray();
            var (response, _) = await client.SendAsync("grafana", body, adjust: r =>
            {
                r.Headers.Authorization = null;
                r.Headers.Add("X-Grafana-Alerting-Signature", AlertWebhooks.Hmac(GrafanaSecret, signed));
                r.Headers.Add("X-Grafana-Alerting-Signature-Timestamp", ts);
            });
            return response.StatusCode;
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Equal(HttpStatusCode.OK, await SendAsync(now));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(now - 3600));
    }

    private Task<(HttpResponseMessage Response, System.Text.Json.Nodes.JsonNode? Body)> SendSignedAsync(
        string source, byte[] body, string header, string signature, Action<HttpRequestMessage>? more = null) =>
        _client.SendAsync(source, body, adjust: r =>
        {
            r.Headers.Authorization = null;
            r.Headers.Remove(header);
            r.Headers.Add(header, signature);
            more?.Invoke(r);
        });
}
