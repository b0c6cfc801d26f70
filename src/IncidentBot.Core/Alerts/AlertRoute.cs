using IncidentBot.Incidents;

namespace IncidentBot.Alerts;

/// <summary>Where the rules send one alert: the first rule that matched (none: the alert is only recorded).</summary>
public sealed record AlertRoute(AlertRule? Rule, AlertAction Action, Severity Severity, bool AutoResolve)
{
    public static AlertRoute Of(AlertRule? rule, Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return rule is null
            ? new AlertRoute(null, AlertAction.Ignore, AlertRule.DefaultSeverities[alert.Level], false)
            : new AlertRoute(rule, rule.Action, rule.SeverityOf(alert.Level), rule.AutoResolve);
    }
}
