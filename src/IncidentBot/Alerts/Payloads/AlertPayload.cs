using System.Text.Json;

namespace IncidentBot.Alerts.Payloads;

/// <summary>One webhook body, parsed: its root, the request headers a format needs, and the instant it was received.</summary>
internal sealed record AlertPayload(string Source, JsonField Root, Func<string, string?> Header, DateTimeOffset ReceivedAt);

/// <summary>The alerts a payload carries; or, for a delivery that carries none by design (a test ping, an event we do not track), why.</summary>
internal sealed record ParsedAlerts(IReadOnlyList<Alert> Alerts, string? Note = null)
{
    public static ParsedAlerts Nothing(string why) => new([], why);
}

/// <summary>Reads each source's documented webhook format into normalised alerts.</summary>
internal static class AlertPayloads
{
    public static readonly IReadOnlyList<string> Sources =
        ["alertmanager", "grafana", "datadog", "pagerduty", "sentry", "opsgenie", "mackerel", "generic"];

    /// <summary>The alerts of <paramref name="body"/>; throws <see cref="JsonException"/> or <see cref="AlertPayloadException"/> when it is malformed.</summary>
    public static ParsedAlerts Parse(string source, ReadOnlyMemory<byte> body, Func<string, string?> header, DateTimeOffset receivedAt)
    {
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        if (Hosting.JsonStrings.Undecodable(body.Span) is { } field)
        {
            throw new AlertPayloadException($"{field} {Hosting.JsonStrings.Problem}.");
        }

        var payload = new AlertPayload(source, JsonField.Root(document.RootElement), header, receivedAt);
        var parsed = source switch
        {
            "alertmanager" => PrometheusStyle.Parse(payload, requireVersion: "4"),
            "grafana" => Grafana.Parse(payload),
            "datadog" => Datadog.Parse(payload),
            "pagerduty" => PagerDuty.Parse(payload),
            "sentry" => Sentry.Parse(payload),
            "opsgenie" => Opsgenie.Parse(payload),
            "mackerel" => Mackerel.Parse(payload),
            "generic" => Generic.Parse(payload),
            _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown alert source."),
        };
        return parsed with { Alerts = parsed.Alerts.Select(Bounded).ToList() };
    }

    /// <summary>Clips what a source may send unbounded, so one odd alert cannot bloat storage or the timeline.</summary>
    private static Alert Bounded(Alert alert) => alert with
    {
        Title = Clip(alert.Title, Alert.MaxTitleLength)!,
        Fingerprint = Clip(alert.Fingerprint, 300)!,
        Description = Clip(alert.Description, 4000),
    };

    private static string? Clip(string? text, int limit) => text is null ? null : Shorten.ToFit(text, limit);
}
