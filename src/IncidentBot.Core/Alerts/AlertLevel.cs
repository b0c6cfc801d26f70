namespace IncidentBot.Alerts;

/// <summary>
/// How urgent an alert says it is, on one scale for every source; higher is worse. Rules compare against it and map
/// it to an incident <see cref="Incidents.Severity"/>.
/// </summary>
public enum AlertLevel
{
    Info = 1,
    Warning = 2,
    Error = 3,
    Critical = 4,
}

public static class AlertLevelText
{
    public static string Name(this AlertLevel level) => level switch
    {
        AlertLevel.Info => "info",
        AlertLevel.Warning => "warning",
        AlertLevel.Error => "error",
        AlertLevel.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>
    /// Reads the words sources use for urgency: <c>critical</c>, <c>error</c>/<c>high</c>, <c>warning</c>,
    /// <c>info</c>/<c>low</c>, and priorities <c>P1</c> (critical) … <c>P4</c>/<c>P5</c> (info).
    /// </summary>
    public static bool TryParse(string? text, out AlertLevel level)
    {
        level = (text?.Trim().ToLowerInvariant()) switch
        {
            "critical" or "crit" or "fatal" or "emergency" or "alert" or "page" or "disaster" or "p1" or "sev1" or "1" => AlertLevel.Critical,
            "error" or "err" or "high" or "major" or "p2" or "sev2" or "2" => AlertLevel.Error,
            "warning" or "warn" or "medium" or "average" or "minor" or "p3" or "sev3" or "3" => AlertLevel.Warning,
            "info" or "information" or "informational" or "low" or "none" or "debug" or "notice" or "ok"
                or "p4" or "p5" or "sev4" or "4" or "5" => AlertLevel.Info,
            _ => 0,
        };
        return level != 0;
    }

    /// <summary>The level of <paramref name="text"/>, or <paramref name="fallback"/> when it is missing or unknown.</summary>
    public static AlertLevel ParseOr(string? text, AlertLevel fallback) => TryParse(text, out var level) ? level : fallback;
}
