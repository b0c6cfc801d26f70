using System.Text.RegularExpressions;

namespace IncidentBot.Alerts.Payloads;

/// <summary>
/// Datadog's webhook. The default payload (<c>body</c>, <c>title</c>, <c>date</c>, <c>id</c>, <c>org</c>, …) tells
/// the transition only by the title's prefix: <c>[Triggered on {host:web-01}] CPU load is high</c>. A custom payload
/// may add <c>alert_id</c>, <c>alert_transition</c>, <c>alert_priority</c>, <c>alert_type</c>, <c>alert_title</c>,
/// <c>alert_scope</c>, <c>alert_status</c>, <c>tags</c>, <c>link</c>; every value arrives as a string.
/// </summary>
internal static partial class Datadog
{
    public static ParsedAlerts Parse(AlertPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var root = payload.Root.RequireObject();
        var titleField = root["alert_title"].NonEmpty() is not null ? root["alert_title"] : root["title"];
        var title = titleField.RequireText();
        var prefix = TitlePrefix().Match(title);
        var transition = root["alert_transition"].NonEmpty() ?? (prefix.Success ? prefix.Groups["transition"].Value : null)
            ?? throw new AlertPayloadException(
                $"{titleField.Path} does not start with the transition (\"[Triggered] …\", \"[Recovered] …\"), and there is no alert_transition: keep the default title or add \"alert_transition\": \"$ALERT_TRANSITION\" to the payload.");
        var name = prefix.Success ? prefix.Groups["name"].Value.Trim() : title;
        var scope = root["alert_scope"].NonEmpty() ?? (prefix.Success && prefix.Groups["scope"].Success ? prefix.Groups["scope"].Value : null);
        var status = transition.Equals("Recovered", StringComparison.OrdinalIgnoreCase) ? AlertStatus.Resolved : AlertStatus.Firing;
        var dateField = root["date"].IsPresent ? root["date"] : root["last_updated"];
        var at = dateField.EpochTime(milliseconds: true) ?? throw root["date"].Missing();

        var labels = Tags(root["tags"].NonEmpty());
        labels["alertname"] = name;
        labels.Put("monitor_id", root["alert_id"].NonEmpty());
        labels.Put("scope", scope);
        labels.Put("host", root["hostname"].NonEmpty());
        labels.Put("event_type", root["event_type"].NonEmpty());
        labels.Put("transition", transition);

        var monitor = root["alert_id"].NonEmpty() is { } id ? "monitor:" + id : "title:" + name;
        var alert = new Alert(
            payload.Source,
            scope is null ? monitor : monitor + "{" + scope + "}",
            status,
            name,
            LevelOf(root, transition),
            at,
            status == AlertStatus.Resolved ? at : null,
            labels,
            root["alert_status"].NonEmpty() ?? Body(root["body"].NonEmpty()),
            null,
            root["link"].NonEmpty());
        return new ParsedAlerts([alert]);
    }

    private static AlertLevel LevelOf(JsonField root, string transition)
    {
        if (AlertLevelText.TryParse(root["alert_priority"].NonEmpty(), out var byPriority))
        {
            return byPriority;
        }

        return (root["alert_type"].NonEmpty()?.ToLowerInvariant()) switch
        {
            "error" => AlertLevel.Error,
            "warning" => AlertLevel.Warning,
            "info" or "success" => AlertLevel.Info,
            _ => transition.Contains("Warn", StringComparison.OrdinalIgnoreCase) ? AlertLevel.Warning : AlertLevel.Error,
        };
    }

    /// <summary><c>env:prod,service:checkout,monitor</c>: the <c>key:value</c> tags become labels.</summary>
    private static Dictionary<string, string> Tags(string? tags) =>
        new Dictionary<string, string>(StringComparer.Ordinal).PutTags(
            (tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The event message without Datadog's <c>%%%</c> markdown fences and the <c>@webhook-…</c> mention.</summary>
    private static string? Body(string? body) =>
        body is null ? null : Mention().Replace(body.Replace("%%%", "", StringComparison.Ordinal), "").Trim() is { Length: > 0 } text ? text : null;

    [GeneratedRegex(@"^(?:\[P\d\]\s*)?\[(?<transition>[A-Za-z][A-Za-z\- ]*?)(?: on \{(?<scope>[^}]*)\})?\]\s*(?<name>.*)$", RegexOptions.Singleline)]
    private static partial Regex TitlePrefix();

    [GeneratedRegex(@"@webhook-\S+")]
    private static partial Regex Mention();
}
