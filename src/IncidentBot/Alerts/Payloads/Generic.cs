namespace IncidentBot.Alerts.Payloads;

/// <summary>
/// The documented <c>generic</c> shape (DESIGN.md): one alert object, or <c>{"alerts": [ … ]}</c>. <c>title</c>,
/// <c>status</c> and <c>fingerprint</c> are required; <c>severity</c> is critical, error, warning or info;
/// <c>startsAt</c> defaults to the time of receipt; unknown fields are ignored.
/// </summary>
internal static class Generic
{
    private static readonly string[] Severities = ["critical", "error", "warning", "info"];

    public static ParsedAlerts Parse(AlertPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var root = payload.Root.RequireObject();
        var items = root["alerts"].IsPresent ? root["alerts"].Items() : [root];
        return new ParsedAlerts(items.Select(item => Alert(payload, item.RequireObject())).ToList());
    }

    private static Alert Alert(AlertPayload payload, JsonField item)
    {
        var parsed = item["status"].RequireStatus();

        var severity = item["severity"].NonEmpty()?.ToLowerInvariant();
        if (severity is not null && !Severities.Contains(severity))
        {
            throw new AlertPayloadException($"{item["severity"].Path} must be critical, error, warning or info, got \"{severity}\".");
        }

        return new Alert(
            payload.Source,
            item["fingerprint"].RequireText(),
            parsed,
            item["title"].RequireText(),
            AlertLevelText.ParseOr(severity, AlertLevel.Warning),
            item["startsAt"].Time() ?? payload.ReceivedAt,
            item["endsAt"].Time(),
            item["labels"].Labels(),
            item["description"].NonEmpty(),
            item["runbook_url"].NonEmpty(),
            item["source_url"].NonEmpty());
    }
}
