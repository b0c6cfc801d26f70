namespace IncidentBot.Alerts;

/// <summary>Whether an alert is firing or has resolved.</summary>
public enum AlertStatus
{
    Firing,
    Resolved,
}

public static class AlertStatusText
{
    public static string Name(this AlertStatus status) => status switch
    {
        AlertStatus.Firing => "firing",
        AlertStatus.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParse(string? text, out AlertStatus status)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "firing":
                status = AlertStatus.Firing;
                return true;
            case "resolved":
                status = AlertStatus.Resolved;
                return true;
            default:
                status = default;
                return false;
        }
    }
}
