using System.Net;
using System.Text;
using IncidentBot.Support;

namespace IncidentBot.Alerts;

/// <summary>Every source refuses a bad request with the documented status and stores nothing.</summary>
public sealed class AlertWebhookRejectionTests : IDisposable
{
    private const int Limit = 16 * 1024;

    private readonly BotApp _app = new(settings: AlertWebhooks.Settings(new Dictionary<string, string?> { ["Alerts:MaxBodyBytes"] = $"{Limit}" }));
    private readonly HttpClient _client;

    public AlertWebhookRejectionTests() => _client = _app.CreateClient();

    public static TheoryData<string, string> Payloads => new()
    {
        { "alertmanager", "alertmanager-firing.json" },
        { "grafana", "grafana-firing.json" },
        { "datadog", "datadog-triggered.json" },
        { "pagerduty", "pagerduty-triggered.json" },
        { "sentry", "sentry-event-alert.json" },
        { "opsgenie", "opsgenie-create.json" },
        { "mackerel", "mackerel-alert.json" },
        { "generic", "generic-firing.json" },
    };

    public void Dispose() => _app.Dispose();

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task AWrongSecretIsUnauthorized(string source, string file)
    {
        await AssertRefusedAsync(source, Payload(file), HttpStatusCode.Unauthorized, "wrong-secret-0123456789");
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task NoCredentialsAtAllIsUnauthorized(string source, string file)
    {
        await AssertRefusedAsync(source, Payload(file), HttpStatusCode.Unauthorized, adjust: request =>
        {
            request.Headers.Authorization = null;
            request.Headers.Remove("X-PagerDuty-Signature");
            request.Headers.Remove("Sentry-Hook-Signature");
        });
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task MalformedJsonIsABadRequest(string source, string file)
    {
        var body = Encoding.UTF8.GetString(Payload(file)).Replace("\":", "\";", StringComparison.Ordinal);
        var detail = await AssertRefusedAsync(source, Encoding.UTF8.GetBytes(body), HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON (line", detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task ATruncatedBodyIsABadRequest(string source, string file)
    {
        var payload = Payload(file);
        var detail = await AssertRefusedAsync(source, payload[..(payload.Length / 2)], HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task AJsonValueOfTheWrongShapeIsABadRequest(string source, string file)
    {
        _ = file;
        var detail = await AssertRefusedAsync(source, "[1, 2, 3]"u8.ToArray(), HttpStatusCode.BadRequest);
        Assert.Contains("The body must be a JSON object, got an array.", detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task AFormEncodedBodyIsAnUnsupportedMediaType(string source, string file)
    {
        var detail = await AssertRefusedAsync(source, Payload(file), HttpStatusCode.UnsupportedMediaType, contentType: "application/x-www-form-urlencoded");
        Assert.Contains("Content-Type: application/json", detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task ABodyAboveTheLimitIsTooLarge(string source, string file)
    {
        _ = file;
        var huge = Encoding.UTF8.GetBytes("{\"padding\": \"" + new string('x', Limit) + "\"}");
        var detail = await AssertRefusedAsync(source, huge, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains($"larger than {Limit} bytes", detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task ASourceWithoutASecretIsOff(string source, string file)
    {
        using var off = new BotApp(settings: new Dictionary<string, string?>());
        using var client = off.CreateClient();

        var (response, body) = await client.SendAsync(source, Payload(file));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"Alerts:{source}:Secret", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownSourceIsNotFound()
    {
        var (response, body) = await _client.SendAsync("nagios", "{}"u8.ToArray());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no alert source 'nagios'", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static byte[] Payload(string file) => file == "generic-firing.json"
        ? """{"title": "Order queue backlog above 10k", "status": "firing", "severity": "critical", "fingerprint": "orders-queue-backlog"}"""u8.ToArray()
        : AlertWebhooks.Payload(file);

    private async Task<string> AssertRefusedAsync(
        string source, byte[] body, HttpStatusCode expected, string? secret = null, string contentType = "application/json",
        Action<HttpRequestMessage>? adjust = null)
    {
        var before = await DatabaseSnapshot.TakeAsync(_app);

        var (response, problem) = await _client.SendAsync(source, body, secret, contentType, adjust);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_app));
        return problem!["detail"]!.GetValue<string>();
    }
}
