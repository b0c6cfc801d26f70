using System.Net;
using System.Text;
using IncidentBot.Support;

namespace IncidentBot.Security;

/// <summary>A JSON string that cannot be decoded (raw 0xFF, or <c>\ud800</c>) is a 400 naming the field, on every reader, with nothing stored.</summary>
public sealed class UndecodableStringTests : IDisposable
{
    private readonly BotApp _app = new(settings: AlertWebhooks.Settings());
    private readonly HttpClient _client;

    public UndecodableStringTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, string> Bad()
    {
        var data = new TheoryData<string, string>();
        foreach (var source in AlertWebhooks.Sources)
        {
            data.Add(source, "ff");
            data.Add(source, "surrogate");
        }

        return data;
    }

    /// <summary>A body of the source's own shape whose title-like field holds the bad string.</summary>
    private static byte[] Poisoned(string source, string how)
    {
        var marker = "POISON-MARKER";
        var json = source switch
        {
            "generic" => $$"""{"title": "{{marker}}", "status": "firing", "fingerprint": "f1"}""",
            _ => Encoding.UTF8.GetString(AlertWebhooks.Payload(PayloadFile(source))),
        };
        if (!json.Contains(marker, StringComparison.Ordinal))
        {
            // Every vendor payload has a string member; poison the first string value.
            var quote = json.IndexOf("\": \"", StringComparison.Ordinal) + 4;
            json = json.Insert(quote, marker);
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        var at = json.IndexOf(marker, StringComparison.Ordinal);
        var prefix = Encoding.UTF8.GetByteCount(json[..at]);
        byte[] bad = how == "ff" ? [0xFF] : "\\ud800"u8.ToArray();
        return [.. bytes[..prefix], .. bad, .. bytes[prefix..]];
    }

    private static string PayloadFile(string source) => source switch
    {
        "alertmanager" => "alertmanager-firing.json",
        "grafana" => "grafana-firing.json",
        "datadog" => "datadog-triggered.json",
        "pagerduty" => "pagerduty-triggered.json",
        "sentry" => "sentry-event-alert.json",
        "opsgenie" => "opsgenie-create.json",
        "mackerel" => "mackerel-alert.json",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public async Task AnAlertWithAnUndecodableStringIsABadRequestNamingTheField(string source, string how)
    {
        var before = await DatabaseSnapshot.TakeAsync(_app);

        var (response, problem) = await _client.SendAsync(source, Poisoned(source, how));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = problem!["detail"]!.GetValue<string>();
        Assert.Contains("is not valid text", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("the body is not valid text", detail, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_app));
    }

    [Theory]
    [InlineData("/api/incidents", """{"title": "T\ud800", "severity": "SEV2"}""", "title")]
    [InlineData("/api/incidents", """{"title": "T", "severity": "\udfff"}""", "severity")]
    [InlineData("/api/incidents", """{"title": "T", "user": "\ud83d"}""", "user")]
    [InlineData("/api/incidents/1/commands", """{"user": "alice", "text": "note \ud800"}""", "text")]
    public async Task TheApiRefusesAnUndecodableStringNamingTheField(string path, string json, string field)
    {
        await _client.DeclareAsync("Existing incident");
        var before = await DatabaseSnapshot.TakeAsync(_app);

        foreach (var body in new[] { Encoding.UTF8.GetBytes(json), RawFf(json) })
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            var response = await _client.PostAsync(new Uri(path, UriKind.Relative), content);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_app));
    }

    /// <summary>The same body with the escaped surrogate replaced by a raw 0xFF byte.</summary>
    private static byte[] RawFf(string json)
    {
        var at = json.IndexOf("\\u", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(json);
        return [.. bytes[..at], 0xFF, .. bytes[(at + 6)..]];
    }
}
