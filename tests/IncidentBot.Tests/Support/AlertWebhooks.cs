using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace IncidentBot.Support;

/// <summary>
/// Sends alert webhooks as each vendor does: the documented payloads from <c>Alerts/Payloads</c>, authenticated the
/// vendor's way (PagerDuty's and Sentry's HMAC signatures, a bearer token elsewhere).
/// </summary>
public static class AlertWebhooks
{
    public const string PagerDutySecret = "pd-test-secret-ChangeMe";
    public const string SentrySecret = "sentry-client-secret-ChangeMe";

    public static readonly string[] Sources = ["alertmanager", "grafana", "datadog", "pagerduty", "sentry", "opsgenie", "mackerel", "generic"];

    /// <summary>The secret each source is given by <see cref="Settings"/>.</summary>
    public static string SecretOf(string source) => source switch
    {
        "pagerduty" => PagerDutySecret,
        "sentry" => SentrySecret,
        _ => $"token-for-{source}-0123456789",
    };

    /// <summary>Every source switched on, plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? extra = null)
    {
        var settings = Sources.ToDictionary(s => $"Alerts:{s}:Secret", s => (string?)SecretOf(s));
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static byte[] Payload(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Alerts", "Payloads", file));

    public static JsonNode PayloadJson(string file) => JsonNode.Parse(Payload(file))!;

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    /// <summary>Posts <paramref name="body"/> to <c>/webhooks/alerts/{source}</c>, signed or with the token as the vendor would.</summary>
    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> SendAsync(
        this HttpClient client,
        string source,
        byte[] body,
        string? secret = null,
        string contentType = "application/json",
        Action<HttpRequestMessage>? adjust = null)
    {
        using var request = Request(source, body, secret ?? SecretOf(source), contentType);
        adjust?.Invoke(request);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static HttpRequestMessage Request(string source, byte[] body, string secret, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/webhooks/alerts/{source}", UriKind.Relative))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        switch (source)
        {
            case "pagerduty":
                request.Headers.Add("X-PagerDuty-Signature", "v1=" + Hmac(secret, body));
                request.Headers.Add("X-Webhook-Id", Guid.NewGuid().ToString());
                request.Headers.UserAgent.ParseAdd("PagerDuty-Webhook/V3.0");
                break;
            case "sentry":
                request.Headers.Add("Sentry-Hook-Signature", Hmac(secret, body));
                request.Headers.Add("Sentry-Hook-Timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                request.Headers.Add("Request-ID", Guid.NewGuid().ToString("N"));
                break;
            default:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                break;
        }

        return request;
    }

    public static string Hmac(string secret, byte[] message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));

    /// <summary>An Alertmanager v4 group of <paramref name="count"/> firing alerts named <paramref name="alertname"/>.</summary>
    public static byte[] AlertmanagerGroup(string alertname, int count, string severity = "critical", string status = "firing", string? service = null, DateTimeOffset? startsAt = null)
    {
        var started = (startsAt ?? new DateTimeOffset(2026, 9, 14, 8, 21, 30, TimeSpan.Zero)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var alerts = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var labels = new JsonObject { ["alertname"] = alertname, ["instance"] = $"node-{i}:9100", ["severity"] = severity };
            if (service is not null)
            {
                labels["service"] = service;
            }

            alerts.Add(new JsonObject
            {
                ["status"] = status,
                ["labels"] = labels,
                ["annotations"] = new JsonObject { ["summary"] = $"{alertname} on node-{i}", ["runbook_url"] = $"https://runbooks.example.com/{alertname}" },
                ["startsAt"] = started,
                ["endsAt"] = status == "firing" ? "0001-01-01T00:00:00Z" : started,
                ["generatorURL"] = "http://prometheus.example.com:9090/graph",
                ["fingerprint"] = $"{alertname}-{i:x8}",
            });
        }

        var group = new JsonObject
        {
            ["receiver"] = "incident-bot",
            ["status"] = status,
            ["alerts"] = alerts,
            ["groupLabels"] = new JsonObject { ["alertname"] = alertname },
            ["commonLabels"] = new JsonObject { ["alertname"] = alertname },
            ["commonAnnotations"] = new JsonObject(),
            ["externalURL"] = "http://alertmanager.example.com:9093",
            ["version"] = "4",
            ["groupKey"] = $"{{}}:{{alertname=\"{alertname}\"}}",
            ["truncatedAlerts"] = 0,
        };
        return Bytes(group);
    }
}
