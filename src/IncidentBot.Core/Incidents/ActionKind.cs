namespace IncidentBot.Incidents;

/// <summary>What an action item does for next time: make it not happen, notice it sooner, or limit it faster.</summary>
public enum ActionKind
{
    Prevent,
    Detect,
    Mitigate,
}

public static class ActionKindText
{
    // Words that say which kind an action item is when nobody wrote the kind; the kind with most hits wins.
    private static readonly Dictionary<ActionKind, string[]> Words = new()
    {
        [ActionKind.Detect] =
        [
            "alert", "alerts", "alerting", "monitor", "monitors", "monitoring", "dashboard", "dashboards", "detect", "detection",
            "page", "paging", "pager", "metric", "metrics", "log", "logs", "logging", "observability", "probe", "probes",
            "synthetic", "slo", "slos", "notify", "notification", "visibility", "trace", "tracing", "anomaly", "healthcheck",
        ],
        [ActionKind.Mitigate] =
        [
            "runbook", "runbooks", "playbook", "rollback", "roll", "failover", "fail", "switch", "flag", "flags", "restore",
            "backup", "backups", "recover", "recovery", "throttle", "breaker", "autoscale", "autoscaling", "scale", "mitigate",
            "mitigation", "retry", "retries", "degrade", "drain", "shed", "revert", "timeout", "timeouts",
        ],
        [ActionKind.Prevent] =
        [
            "prevent", "fix", "test", "tests", "testing", "validate", "validation", "review", "lint", "guard", "guardrail",
            "canary", "check", "constraint", "upgrade", "patch", "refactor", "remove", "deprecate", "limit", "limits", "quota",
            "migrate", "enforce", "block", "forbid", "capacity", "raise", "increase", "harden",
        ],
    };

    public static string Name(this ActionKind kind) => kind switch
    {
        ActionKind.Prevent => "prevent",
        ActionKind.Detect => "detect",
        ActionKind.Mitigate => "mitigate",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string? text, out ActionKind kind)
    {
        foreach (var candidate in Enum.GetValues<ActionKind>())
        {
            if (string.Equals(candidate.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The kind the words of <paramref name="text"/> point to; null when none does, or two point equally.</summary>
    public static ActionKind? Infer(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var scores = Words.ToDictionary(pair => pair.Key, pair => words.Count(w => pair.Value.Contains(w, StringComparer.Ordinal)));
        var best = scores.Values.Max();
        var leaders = scores.Where(pair => pair.Value == best).ToList();
        return best > 0 && leaders.Count == 1 ? leaders[0].Key : null;
    }

    private static readonly char[] Separators = [' ', ',', '.', ';', ':', '(', ')', '/', '-', '"', '\'', '\n', '!', '?'];
}
