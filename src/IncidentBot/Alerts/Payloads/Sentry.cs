namespace IncidentBot.Alerts.Payloads;

/// <summary>
/// Sentry's integration webhooks, by the <c>Sentry-Hook-Resource</c> header: <c>event_alert</c> (an issue alert
/// rule fired), <c>issue</c> (<c>created</c>/<c>unresolved</c> fire, <c>resolved</c> resolves) and
/// <c>metric_alert</c> (<c>critical</c>/<c>warning</c> fire, <c>resolved</c> resolves). Other resources
/// (installation, comment, error) are answered 2xx and open nothing.
/// </summary>
internal static class Sentry
{
    public static ParsedAlerts Parse(AlertPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var root = payload.Root.RequireObject();
        var data = root["data"];
        var resource = payload.Header("Sentry-Hook-Resource")?.Trim() ?? (
            data["event"].IsObject ? "event_alert" : data["issue"].IsObject ? "issue" : data["metric_alert"].IsObject ? "metric_alert" : "unknown");
        var action = root["action"].RequireText();
        return resource switch
        {
            "event_alert" => new ParsedAlerts([EventAlert(payload.Source, data.RequireObject())]),
            "issue" => Issue(payload.Source, action, data.RequireObject()["issue"].RequireObject()),
            "metric_alert" => MetricAlert(payload.Source, action, data.RequireObject()),
            _ => ParsedAlerts.Nothing($"Sentry {resource} webhooks carry no alert; nothing to do."),
        };
    }

    private static Alert EventAlert(string source, JsonField data)
    {
        var evt = data["event"].RequireObject();
        var labels = Tags(evt["tags"]);
        var rule = data["triggered_rule"].NonEmpty() ?? data["issue_alert"]["title"].NonEmpty() ?? "Sentry issue alert";
        labels["alertname"] = rule;
        labels.Put("project", evt["project"].NonEmpty()).Put("issue_id", evt["issue_id"].NonEmpty());
        var issue = evt["issue_id"].NonEmpty();
        return new Alert(
            source,
            issue is not null ? "issue:" + issue : "event:" + evt["event_id"].RequireText(),
            AlertStatus.Firing,
            evt["title"].NonEmpty() ?? rule,
            LevelOf(evt["level"].NonEmpty()),
            evt["datetime"].Time() ?? evt["timestamp"].EpochTime(milliseconds: false) ?? throw evt["datetime"].Missing(),
            null,
            labels,
            evt["culprit"].NonEmpty(),
            null,
            evt["web_url"].NonEmpty() ?? evt["issue_url"].NonEmpty());
    }

    private static ParsedAlerts Issue(string source, string action, JsonField issue)
    {
        var status = action switch
        {
            "created" or "unresolved" => AlertStatus.Firing,
            "resolved" => AlertStatus.Resolved,
            _ => (AlertStatus?)null,
        };
        if (status is null)
        {
            return ParsedAlerts.Nothing($"Sentry issue {action} is not an alert state change; nothing to do.");
        }

        var title = issue["title"].RequireText();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["alertname"] = title }
            .Put("service", issue["project"]["slug"].NonEmpty())
            .Put("project", issue["project"]["slug"].NonEmpty())
            .Put("short_id", issue["shortId"].NonEmpty())
            .Put("level", issue["level"].NonEmpty())
            .Put("platform", issue["platform"].NonEmpty());

        // A redelivery repeats the same instant; a regression or a second resolution brings a new one.
        var at = action == "created" ? issue["firstSeen"].RequireTime() : issue["lastSeen"].Time() ?? issue["firstSeen"].RequireTime();
        return new ParsedAlerts([new Alert(
            source,
            "issue:" + issue["id"].RequireText(),
            status.Value,
            title,
            LevelOf(issue["level"].NonEmpty()),
            at,
            status == AlertStatus.Resolved ? at : null,
            labels,
            issue["culprit"].NonEmpty(),
            null,
            issue["web_url"].NonEmpty() ?? issue["permalink"].NonEmpty())]);
    }

    private static ParsedAlerts MetricAlert(string source, string action, JsonField data)
    {
        var status = action switch
        {
            "critical" or "warning" => AlertStatus.Firing,
            "resolved" => AlertStatus.Resolved,
            _ => (AlertStatus?)null,
        };
        if (status is null)
        {
            return ParsedAlerts.Nothing($"Sentry metric alert {action} is not an alert state change; nothing to do.");
        }

        var incident = data["metric_alert"].RequireObject();
        var rule = incident["alert_rule"]["name"].NonEmpty() ?? incident["title"].RequireText();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["alertname"] = rule }
            .Put("alert_rule_id", incident["alert_rule"]["id"].NonEmpty())
            .Put("aggregate", incident["alert_rule"]["aggregate"].NonEmpty())
            .Put("query", incident["alert_rule"]["query"].NonEmpty());
        if (incident["projects"].IsPresent)
        {
            labels.Put("projects", string.Join(',', incident["projects"].Items().Select(p => p.Text())));
        }

        return new ParsedAlerts([new Alert(
            source,
            "metric_alert:" + incident["id"].RequireText(),
            status.Value,
            rule,
            action == "critical" ? AlertLevel.Critical : AlertLevel.Warning,
            incident["date_started"].Time() ?? incident["date_created"].RequireTime(),
            incident["date_closed"].Time(),
            labels,
            data["description_text"].NonEmpty() ?? data["description_title"].NonEmpty(),
            null,
            data["web_url"].NonEmpty(),
            incident["date_detected"].Time())]);
    }

    /// <summary>Sentry levels: fatal, error, warning, info, debug.</summary>
    private static AlertLevel LevelOf(string? level) => AlertLevelText.ParseOr(level, AlertLevel.Error);

    /// <summary>An event's <c>tags</c>: an array of <c>[key, value]</c> pairs.</summary>
    private static Dictionary<string, string> Tags(JsonField tags)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!tags.IsPresent)
        {
            return labels;
        }

        foreach (var pair in tags.Items())
        {
            var parts = pair.Items().Select(p => p.Text()).ToList();
            if (parts is [{ } key, { } value])
            {
                labels.TryAdd(key, value);
            }
        }

        return labels;
    }
}
