namespace IncidentBot.Alerts;

/// <summary>
/// How alerts become incidents: the ordered rules (the first match decides), the fields whose values make an alert's
/// group key, and the storm limit: at most <see cref="StormLimit"/> incidents opened from alerts within
/// <see cref="StormWindow"/>; past it, alerts that would open another join the newest of them instead.
/// </summary>
public sealed record AlertPolicy(
    IReadOnlyList<AlertRule> Rules,
    IReadOnlyList<string> GroupKeyFields,
    int StormLimit,
    TimeSpan StormWindow)
{
    public static IReadOnlyList<string> DefaultGroupKeyFields { get; } = ["source", "alertname", "service"];

    /// <summary>One rule (open or join), group key <c>source,alertname,service</c>, at most 5 new incidents in 10 minutes.</summary>
    public static AlertPolicy Default { get; } = new([], DefaultGroupKeyFields, 5, TimeSpan.FromMinutes(10));

    public AlertRoute Route(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (Rules.Count == 0)
        {
            return AlertRoute.Of(AlertRule.Default, alert);
        }

        return AlertRoute.Of(Rules.FirstOrDefault(rule => rule.Matches(alert)), alert);
    }

    /// <summary>
    /// <c>source=alertmanager|alertname=HighErrorRate|service=checkout</c>: each field is <c>source</c>,
    /// <c>fingerprint</c>, <c>title</c> or a label name; a missing label counts as empty.
    /// </summary>
    public string GroupKeyOf(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return string.Join('|', GroupKeyFields.Select(field => field + "=" + (field switch
        {
            "source" => alert.Source,
            "fingerprint" => alert.Fingerprint,
            "title" => alert.Title,
            _ => alert.Label(field) ?? "",
        })));
    }
}
