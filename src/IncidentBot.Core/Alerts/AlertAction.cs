namespace IncidentBot.Alerts;

/// <summary>What a rule does with the firing alerts it matches.</summary>
public enum AlertAction
{
    /// <summary>Join the open incident of the alert's group, or open one.</summary>
    Open,

    /// <summary>Join the open incident of the alert's group if there is one; otherwise only record the alert.</summary>
    JoinOnly,

    /// <summary>Only record the alert.</summary>
    Ignore,
}

public static class AlertActionText
{
    public static string Name(this AlertAction action) => action switch
    {
        AlertAction.Open => "open",
        AlertAction.JoinOnly => "join-only",
        AlertAction.Ignore => "ignore",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static bool TryParse(string? text, out AlertAction action)
    {
        foreach (var candidate in Enum.GetValues<AlertAction>())
        {
            if (string.Equals(candidate.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                action = candidate;
                return true;
            }
        }

        action = default;
        return false;
    }
}
