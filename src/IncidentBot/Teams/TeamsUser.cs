namespace IncidentBot.Teams;

/// <summary>
/// Teams people as the bot writes them: their display name, with its spaces made non-breaking so that a name stays one
/// word of the command grammar (<c>role scribe @Bob Jones</c>) and still reads as written.
/// </summary>
internal static class TeamsUser
{
    public const char Space = '\u00A0';

    public static string Name(string? displayName, string? fallbackId)
    {
        var name = string.Join(Space, (displayName ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return name.Length > 0 ? name : fallbackId ?? "someone";
    }
}
