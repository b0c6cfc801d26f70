using System.Text.RegularExpressions;

namespace IncidentBot.Alerts.Payloads;

/// <summary>
/// Mackerel's webhook notification channel, <c>"event": "alert"</c>: an open alert that is not <c>ok</c> fires; an
/// <c>ok</c> or closed one resolves. Other events (the channel's test <c>sample</c>, host status …) open nothing.
/// Times are Unix seconds. The monitor's memo is where teams put runbook links, so its first link is taken as one.
/// </summary>
internal static partial class Mackerel
{
    public static ParsedAlerts Parse(AlertPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var root = payload.Root.RequireObject();
        var kind = root["event"].RequireText();
        if (kind != "alert")
        {
            return ParsedAlerts.Nothing($"Mackerel {kind} notifications carry no alert; nothing to do.");
        }

        var alert = root["alert"].RequireObject();
        var level = alert["status"].RequireText();
        var open = alert["isOpen"].Bool() ?? level != "ok";
        var status = open && level != "ok" ? AlertStatus.Firing : AlertStatus.Resolved;
        var monitor = alert["monitorName"].NonEmpty();
        var host = root["host"]["name"].NonEmpty();
        var service = root["service"]["name"].NonEmpty() ?? FirstRole(root["host"]["roles"]);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
            .Put("alertname", monitor ?? root["type"].NonEmpty() ?? "mackerel")
            .Put("service", service)
            .Put("host", host)
            .Put("monitor_type", root["type"].NonEmpty())
            .Put("status", level)
            .Put("org", root["orgName"].NonEmpty());
        var title = (monitor ?? root["message"].NonEmpty() ?? "Mackerel alert") + (host is null ? "" : " on " + host);
        var memo = root["memo"].NonEmpty();
        return new ParsedAlerts([new Alert(
            payload.Source,
            alert["id"].RequireText(),
            status,
            title,
            AlertLevelText.ParseOr(level == "unknown" ? "warning" : level, AlertLevel.Warning),
            alert["openedAt"].EpochTime(milliseconds: false) ?? alert["createdAt"].EpochTime(milliseconds: true) ?? throw alert["openedAt"].Missing(),
            status == AlertStatus.Resolved ? alert["closedAt"].EpochTime(milliseconds: false) : null,
            labels,
            root["message"].NonEmpty(),
            memo is null ? null : Link().Match(memo) is { Success: true } link ? link.Value : null,
            alert["url"].NonEmpty())]);
    }

    private static string? FirstRole(JsonField roles) =>
        roles.IsPresent ? roles.Items().Select(r => r["serviceName"].NonEmpty()).FirstOrDefault(s => s is not null) : null;

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex Link();
}
