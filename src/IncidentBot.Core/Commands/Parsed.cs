namespace IncidentBot.Commands;

/// <summary>A command, or why the text is not one together with the usage line to show.</summary>
public sealed record Parsed(Command? Command, string? Error, string? Usage)
{
    public bool Ok => Command is not null;

    public static Parsed Of(Command command) => new(command, null, null);

    public static Parsed Fail(string error, string? usage) => new(null, error, usage);
}
