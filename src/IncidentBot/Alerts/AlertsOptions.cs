using System.ComponentModel.DataAnnotations;
using IncidentBot.Alerts.Payloads;
using IncidentBot.Incidents;

namespace IncidentBot.Alerts;

/// <summary>The <c>Alerts</c> section: one entry per source, the routing rules, the group key and the limits.</summary>
public sealed class AlertsOptions
{
    public const string Section = "Alerts";

    public AlertSourceOptions Alertmanager { get; set; } = new();

    public AlertSourceOptions Grafana { get; set; } = new();

    public AlertSourceOptions Datadog { get; set; } = new();

    public AlertSourceOptions PagerDuty { get; set; } = new();

    public AlertSourceOptions Sentry { get; set; } = new();

    public AlertSourceOptions Opsgenie { get; set; } = new();

    public AlertSourceOptions Mackerel { get; set; } = new();

    public AlertSourceOptions Generic { get; set; } = new();

    /// <summary>Ordered; the first that matches decides. None: every firing alert opens an incident or joins its group's.</summary>
    public List<AlertRuleOptions> Rules { get; set; } = [];

    /// <summary>The fields whose values make the group key: <c>source</c>, <c>fingerprint</c>, <c>title</c> or label names.</summary>
    [Required]
    public string GroupKey { get; set; } = "source,alertname,service";

    /// <summary>The largest webhook body accepted; larger ones are answered 413.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>At most this many incidents are opened from alerts within <see cref="StormWindow"/>.</summary>
    [Range(1, 10_000)]
    public int StormLimit { get; set; } = 5;

    public TimeSpan StormWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The options of <paramref name="source"/>; null for a name that is not a source.</summary>
    public AlertSourceOptions? For(string source) => source switch
    {
        "alertmanager" => Alertmanager,
        "grafana" => Grafana,
        "datadog" => Datadog,
        "pagerduty" => PagerDuty,
        "sentry" => Sentry,
        "opsgenie" => Opsgenie,
        "mackerel" => Mackerel,
        "generic" => Generic,
        _ => null,
    };

    /// <summary>The policy these options describe, or what is wrong with them.</summary>
    public (AlertPolicy? Policy, IReadOnlyList<string> Problems) ToPolicy()
    {
        var problems = new List<string>();
        var rules = Rules.Select((rule, index) => ToRule(rule, index, problems)).ToList();
        var fields = GroupKey.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length == 0)
        {
            problems.Add("Alerts:GroupKey names no field; the default is \"source,alertname,service\".");
        }

        if (StormWindow <= TimeSpan.Zero)
        {
            problems.Add("Alerts:StormWindow must be longer than zero, e.g. \"00:10:00\".");
        }

        return problems.Count > 0 ? (null, problems) : (new AlertPolicy(rules, fields, StormLimit, StormWindow), problems);
    }

    private static AlertRule ToRule(AlertRuleOptions options, int index, List<string> problems)
    {
        var where = $"Alerts:Rules:{index}";
        if (!AlertActionText.TryParse(options.Action, out var action))
        {
            problems.Add($"{where}:Action is '{options.Action}'; use open, join-only or ignore.");
        }

        var sources = options.Source.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in sources.Where(s => !AlertPayloads.Sources.Contains(s)))
        {
            problems.Add($"{where}:Source names '{unknown}', which is not a source: use {string.Join(", ", AlertPayloads.Sources)}.");
        }

        AlertLevel? lowest = null;
        if (options.MinSeverity.Length > 0)
        {
            if (AlertLevelText.TryParse(options.MinSeverity, out var level))
            {
                lowest = level;
            }
            else
            {
                problems.Add($"{where}:MinSeverity is '{options.MinSeverity}'; use critical, error, warning or info.");
            }
        }

        Severity? fixedSeverity = null;
        if (options.Severity.Length > 0)
        {
            if (SeverityText.TryParse(options.Severity, out var severity))
            {
                fixedSeverity = severity;
            }
            else
            {
                problems.Add($"{where}:Severity is '{options.Severity}'; use SEV1, SEV2, SEV3 or SEV4.");
            }
        }

        var map = new Dictionary<AlertLevel, Severity>();
        foreach (var (from, to) in options.Severities)
        {
            if (!AlertLevelText.TryParse(from, out var level) || !SeverityText.TryParse(to, out var severity))
            {
                problems.Add($"{where}:Severities maps '{from}' to '{to}'; map critical, error, warning or info to SEV1–SEV4.");
                continue;
            }

            map[level] = severity;
        }

        var name = options.Name.Length > 0 ? options.Name : $"rule {index + 1}";
        return new AlertRule(name, action, sources, options.Labels, lowest, fixedSeverity, map, options.AutoResolve);
    }
}
