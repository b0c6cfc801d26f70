namespace IncidentBot.Incidents;

/// <summary>The Incident Command System roles; one person each.</summary>
public enum Role
{
    Commander,
    Scribe,
    Comms,
}

public static class RoleText
{
    public static string Name(this Role role) => role switch
    {
        Role.Commander => "commander",
        Role.Scribe => "scribe",
        Role.Comms => "comms",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static string Title(this Role role) => role switch
    {
        Role.Commander => "Incident Commander",
        Role.Scribe => "Scribe",
        Role.Comms => "Comms lead",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParse(string? text, out Role role)
    {
        var word = text?.Trim().ToLowerInvariant();
        switch (word)
        {
            case "commander" or "ic" or "incident-commander":
                role = Role.Commander;
                return true;
            case "scribe":
                role = Role.Scribe;
                return true;
            case "comms" or "communications":
                role = Role.Comms;
                return true;
            default:
                role = default;
                return false;
        }
    }
}
