using IncidentBot.Incidents;

namespace IncidentBot.Alerts;

/// <summary>
/// One routing rule: which alerts it matches (sources, labels, a lowest level) and what it does with them. An empty
/// set of sources matches every source; a label value of <c>*</c> only asks that the label be present.
/// </summary>
public sealed record AlertRule(
    string Name,
    AlertAction Action,
    IReadOnlySet<string>? Sources = null,
    IReadOnlyDictionary<string, string>? Labels = null,
    AlertLevel? MinLevel = null,
    Severity? Severity = null,
    IReadOnlyDictionary<AlertLevel, Severity>? Severities = null,
    bool AutoResolve = false)
{
    /// <summary>critical → SEV1, error → SEV2, warning → SEV3, info → SEV4.</summary>
    public static IReadOnlyDictionary<AlertLevel, Severity> DefaultSeverities { get; } = new Dictionary<AlertLevel, Severity>
    {
        [AlertLevel.Critical] = Incidents.Severity.Sev1,
        [AlertLevel.Error] = Incidents.Severity.Sev2,
        [AlertLevel.Warning] = Incidents.Severity.Sev3,
        [AlertLevel.Info] = Incidents.Severity.Sev4,
    };

    /// <summary>The rule used when none is configured: every firing alert opens an incident or joins its group's.</summary>
    public static AlertRule Default { get; } = new("default", AlertAction.Open);

    public bool Matches(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (Sources is { Count: > 0 } && !Sources.Contains(alert.Source))
        {
            return false;
        }

        if (MinLevel is { } lowest && alert.Level < lowest)
        {
            return false;
        }

        foreach (var (name, wanted) in Labels ?? new Dictionary<string, string>())
        {
            var value = alert.Label(name);
            if (value is null || (wanted != "*" && !string.Equals(value, wanted, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The incident severity for an alert of <paramref name="level"/> under this rule.</summary>
    public Severity SeverityOf(AlertLevel level) =>
        Severity ?? (Severities is not null && Severities.TryGetValue(level, out var mapped) ? mapped : DefaultSeverities[level]);
}
