namespace IncidentBot.Alerts.Payloads;

/// <summary>
/// Opsgenie's outgoing Webhook integration: <c>action</c> <c>Create</c> fires, <c>Close</c> resolves; the other
/// actions (Acknowledge, AddNote, Escalate, custom ones …) are answered 2xx and open nothing. The alert is named by
/// its <c>alias</c> (Opsgenie's own dedup key), else its <c>alertId</c>.
/// </summary>
internal static class Opsgenie
{
    public static ParsedAlerts Parse(AlertPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var root = payload.Root.RequireObject();
        var action = root["action"].RequireText();
        var status = action switch
        {
            "Create" => AlertStatus.Firing,
            "Close" => AlertStatus.Resolved,
            _ => (AlertStatus?)null,
        };
        if (status is null)
        {
            return ParsedAlerts.Nothing($"Opsgenie action {action} is not Create or Close; nothing to do.");
        }

        var alert = root["alert"].RequireObject();
        var message = alert["message"].NonEmpty() ?? "Opsgenie alert " + alert["tinyId"].NonEmpty();
        var alias = alert["alias"].NonEmpty();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (alert["tags"].IsPresent)
        {
            labels.PutTags(alert["tags"].Items().Select(t => t.NonEmpty()).OfType<string>());
        }

        var details = alert["details"].Labels();
        labels["alertname"] = alias ?? message;
        labels.Put("entity", alert["entity"].NonEmpty()).Put("team", alert["team"].NonEmpty()).Put("alias", alias)
            .Put("tiny_id", alert["tinyId"].NonEmpty()).Put("priority", alert["priority"].NonEmpty());
        if (!labels.ContainsKey("service"))
        {
            labels.Put("service", details.GetValueOrDefault("service") ?? alert["entity"].NonEmpty());
        }

        var created = alert["createdAt"].EpochTime(milliseconds: true) ?? throw alert["createdAt"].Missing();
        var updated = alert["updatedAt"].Integer() is { } nanoseconds ? DateTimeOffset.FromUnixTimeMilliseconds(nanoseconds / 1_000_000) : (DateTimeOffset?)null;
        return new ParsedAlerts([new Alert(
            payload.Source,
            alias ?? alert["alertId"].RequireText(),
            status.Value,
            message,
            AlertLevelText.ParseOr(alert["priority"].NonEmpty(), AlertLevel.Warning),
            created,
            status == AlertStatus.Resolved ? updated ?? payload.ReceivedAt : null,
            labels,
            alert["description"].NonEmpty(),
            details.GetValueOrDefault("runbook_url") ?? details.GetValueOrDefault("runbook"),
            null)]);
    }
}
