using System.Security.Cryptography;
using System.Text;

namespace IncidentBot.Alerts.Payloads;

/// <summary>
/// The Prometheus Alertmanager webhook (<c>"version": "4"</c>): a group of alerts, each with <c>status</c>,
/// <c>labels</c>, <c>annotations</c> (<c>summary</c>, <c>description</c>, <c>runbook_url</c>), <c>startsAt</c>,
/// <c>endsAt</c> (Go's zero time while firing), <c>generatorURL</c> and <c>fingerprint</c>. Grafana's contact point
/// webhook sends the same shape.
/// </summary>
internal static class PrometheusStyle
{
    public static ParsedAlerts Parse(AlertPayload payload, string? requireVersion)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var root = payload.Root.RequireObject();
        if (requireVersion is not null && root["version"].NonEmpty() != requireVersion)
        {
            throw new AlertPayloadException(
                $"version must be \"{requireVersion}\" (the webhook format of Alertmanager); got {(root["version"].NonEmpty() is { } v ? $"\"{v}\"" : "none")}. A custom payload template is not supported.");
        }

        var alerts = root["alerts"].Items().Select(item => Alert(payload.Source, item)).ToList();
        return new ParsedAlerts(alerts);
    }

    private static Alert Alert(string source, JsonField item)
    {
        item.RequireObject();
        var parsed = item["status"].RequireStatus();

        if (!item["labels"].IsPresent)
        {
            throw item["labels"].Missing();
        }

        var labels = item["labels"].Labels();
        var annotations = item["annotations"].Labels();
        var title = Annotation(annotations, "summary", "title") ?? Value(labels, "alertname") ?? $"Alert from {source}";
        return new Alert(
            source,
            item["fingerprint"].NonEmpty() ?? FingerprintOf(labels),
            parsed,
            title,
            AlertLevelText.ParseOr(Value(labels, "severity") ?? Value(labels, "priority"), AlertLevel.Warning),
            item["startsAt"].RequireTime(),
            item["endsAt"].Time(),
            labels,
            Annotation(annotations, "description", "message"),
            Annotation(annotations, "runbook_url", "runbook"),
            item["generatorURL"].NonEmpty());
    }

    /// <summary>When a sender leaves the fingerprint out: a hash of the sorted labels, as Alertmanager makes it.</summary>
    private static string FingerprintOf(Dictionary<string, string> labels)
    {
        var text = string.Join('\u00ff', labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "\u00fe" + l.Value));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private static string? Annotation(Dictionary<string, string> annotations, params string[] names) =>
        names.Select(name => Value(annotations, name)).FirstOrDefault(v => v is not null);

    private static string? Value(Dictionary<string, string> map, string name) =>
        map.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
