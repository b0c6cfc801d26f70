using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Commands;

/// <summary>How a command ended. Expected failures are outcomes, never exceptions.</summary>
public enum OutcomeKind
{
    /// <summary>Done; the incident (if any) and the entries written are in the outcome.</summary>
    Done,

    /// <summary>The text is not a command of the grammar; the usage line says how to write it.</summary>
    Invalid,

    /// <summary>The command is well formed but the incident's state refuses it; nothing changed.</summary>
    Refused,

    /// <summary>No incident has that number.</summary>
    NotFound,

    /// <summary>The command needs an incident and was run outside a room.</summary>
    NeedsIncident,
}

/// <summary>The reply to a command: a message for the person, and what changed.</summary>
public sealed record CommandOutcome(
    OutcomeKind Kind,
    string Message,
    string? Usage = null,
    Incident? Incident = null,
    IReadOnlyList<TimelineEntry>? Entries = null,
    Command? Command = null)
{
    public bool Ok => Kind == OutcomeKind.Done;

    public IReadOnlyList<TimelineEntry> Written => Entries ?? [];

    public static CommandOutcome Invalid(Parsed parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return new(OutcomeKind.Invalid, parsed.Error ?? Language.Texts.En.NoCommand, parsed.Usage);
    }

    public static CommandOutcome NotFound(int number, Language.Texts? texts = null) =>
        new(OutcomeKind.NotFound, (texts ?? Language.Texts.En).NoSuchIncident(number));

    public static CommandOutcome Refused(string message, Incident? incident, Command command) =>
        new(OutcomeKind.Refused, message, Commands.Usage.Of(command?.Name ?? ""), incident, null, command);
}
