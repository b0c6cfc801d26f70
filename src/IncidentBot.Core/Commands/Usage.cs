namespace IncidentBot.Commands;

/// <summary>The usage line of every command, as DESIGN.md writes the grammar.</summary>
public static class Usage
{
    public static readonly IReadOnlyList<(string Name, string Line, string Purpose)> All =
    [
        ("declare", "declare <title> [sev1|sev2|sev3|sev4] [private] [drill]", "open a new incident"),
        ("role", "role <commander|scribe|comms> [@user]", "take a role, or give it to someone"),
        ("sev", "sev <1-4>", "change the severity"),
        ("status", "status <investigating|identified|monitoring|resolved>", "move the incident along"),
        ("note", "note <text>", "add a line to the timeline"),
        ("update", "update <text>", "post a stakeholder status update"),
        ("summary", "summary", "catch-up summary of the room so far"),
        ("timeline", "timeline", "show the timeline"),
        ("resolve", "resolve [<text>]", "resolve the incident"),
        ("reopen", "reopen", "reopen a resolved incident"),
        ("action", "action <text> [@owner] [due YYYY-MM-DD]", "add a follow-up action item; end with prevent, detect or mitigate to set its kind"),
        ("postmortem", "postmortem", "draft the postmortem"),
        ("list", "list", "open incidents"),
        ("help", "help [command]", "this help"),
    ];

    public static string? Of(string name) =>
        All.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase)).Line;

    /// <summary>Every command with what it does, one per line, in <paramref name="texts"/>' language.</summary>
    public static string Help(string prefix, Language.Texts? texts = null) =>
        string.Join('\n', All.Select(u => $"`{prefix}{u.Line}` {(texts ?? Language.Texts.En).Purposes.GetValueOrDefault(u.Name, u.Purpose)}"));
}
