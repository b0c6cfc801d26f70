namespace IncidentBot.Alerts;

/// <summary>One entry of <c>Alerts:Rules</c>; see <see cref="AlertRule"/>.</summary>
public sealed class AlertRuleOptions
{
    public string Name { get; set; } = "";

    /// <summary>Comma-separated source names; empty: every source.</summary>
    public string Source { get; set; } = "";

    /// <summary>Labels the alert must carry with these values; <c>*</c>: any value.</summary>
    public Dictionary<string, string> Labels { get; set; } = [];

    /// <summary>The lowest alert severity matched: critical, error (high), warning or info (low).</summary>
    public string MinSeverity { get; set; } = "";

    /// <summary><c>open</c>, <c>join-only</c> or <c>ignore</c>.</summary>
    public string Action { get; set; } = "open";

    /// <summary>A fixed incident severity (SEV1–SEV4) for the incidents this rule opens; else <see cref="Severities"/>.</summary>
    public string Severity { get; set; } = "";

    /// <summary>Alert severity → incident severity, e.g. <c>"warning": "SEV2"</c>; unnamed ones keep the default mapping.</summary>
    public Dictionary<string, string> Severities { get; set; } = [];

    /// <summary>Resolve the incident when every one of its alerts has resolved.</summary>
    public bool AutoResolve { get; set; }
}
