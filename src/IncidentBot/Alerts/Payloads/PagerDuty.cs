namespace IncidentBot.Alerts.Payloads;

/// <summary>
/// PagerDuty Webhooks v3: one <c>event</c> per delivery. <c>incident.triggered</c> and <c>incident.reopened</c> fire,
/// <c>incident.resolved</c> resolves; every other event type (acknowledged, annotated, the <c>pagey.ping</c> test …)
/// is answered 2xx and opens nothing, since PagerDuty counts a 4xx against the subscription.
/// </summary>
internal static class PagerDuty
{
    public static ParsedAlerts Parse(AlertPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var evt = payload.Root.RequireObject()["event"].RequireObject();
        var type = evt["event_type"].RequireText();
        AlertStatus status;
        switch (type)
        {
            case "incident.triggered" or "incident.reopened":
                status = AlertStatus.Firing;
                break;
            case "incident.resolved":
                status = AlertStatus.Resolved;
                break;
            default:
                return ParsedAlerts.Nothing($"PagerDuty event {type} is not a trigger or a resolution; nothing to do.");
        }

        var data = evt["data"].RequireObject();
        var service = data["service"]["summary"].NonEmpty();
        var title = data["title"].NonEmpty() ?? data["summary"].RequireText();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["alertname"] = title };
        labels.Put("service", service);
        labels.Put("incident_key", data["incident_key"].NonEmpty());
        labels.Put("urgency", data["urgency"].NonEmpty());
        labels.Put("priority", data["priority"]["summary"].NonEmpty());
        labels.Put("pagerduty_number", data["number"].NonEmpty());

        var started = data["reopened_at"].Time() ?? data["created_at"].Time() ?? evt["occurred_at"].RequireTime();
        var level = AlertLevelText.TryParse(data["priority"]["summary"].NonEmpty(), out var byPriority)
            ? byPriority
            : data["urgency"].NonEmpty() == "low" ? AlertLevel.Warning : AlertLevel.Error;
        var alert = new Alert(
            payload.Source,
            data["id"].RequireText(),
            status,
            title,
            level,
            started,
            status == AlertStatus.Resolved ? evt["occurred_at"].Time() : null,
            labels,
            data["description"].NonEmpty(),
            null,
            data["html_url"].NonEmpty());
        return new ParsedAlerts([alert]);
    }
}
