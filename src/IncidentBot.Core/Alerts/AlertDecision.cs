namespace IncidentBot.Alerts;

/// <summary>What became of one stored alert notification.</summary>
public enum AlertDecision
{
    /// <summary>It opened an incident.</summary>
    Opened,

    /// <summary>It joined an open incident.</summary>
    Joined,

    /// <summary>It resolved an alert of an incident.</summary>
    Resolved,

    /// <summary>A rule said to ignore it.</summary>
    Ignored,

    /// <summary>Recorded only: a join-only alert with no open incident, or a resolution of an alert never seen firing.</summary>
    Unmatched,
}

public static class AlertDecisionText
{
    public static string Name(this AlertDecision decision) => decision switch
    {
        AlertDecision.Opened => "opened",
        AlertDecision.Joined => "joined",
        AlertDecision.Resolved => "resolved",
        AlertDecision.Ignored => "ignored",
        AlertDecision.Unmatched => "unmatched",
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };

    public static AlertDecision Parse(string name)
    {
        foreach (var decision in Enum.GetValues<AlertDecision>())
        {
            if (decision.Name() == name)
            {
                return decision;
            }
        }

        throw new FormatException($"Unknown alert decision '{name}'.");
    }
}
