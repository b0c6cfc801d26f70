using IncidentBot.Incidents;

namespace IncidentBot.Commands;

/// <summary>One command of the grammar, parsed. Every platform produces these through <see cref="CommandParser"/>.</summary>
public abstract record Command
{
    /// <summary>The command word: <c>declare</c>, <c>sev</c>, …</summary>
    public abstract string Name { get; }

    /// <summary>Whether the command needs an incident (a room, or a number in the API route).</summary>
    public virtual bool NeedsIncident => true;

    /// <summary>Whether the command only reads.</summary>
    public virtual bool IsReadOnly => false;
}

public sealed record DeclareCommand(Declaration Declaration) : Command
{
    public override string Name => "declare";

    public override bool NeedsIncident => false;
}

public sealed record RoleCommand(Role Role, string? User) : Command
{
    public override string Name => "role";
}

public sealed record SeverityCommand(Severity Severity) : Command
{
    public override string Name => "sev";
}

public sealed record StatusCommand(IncidentStatus Status) : Command
{
    public override string Name => "status";
}

public sealed record NoteCommand(string Text) : Command
{
    public override string Name => "note";
}

public sealed record UpdateCommand(string Text) : Command
{
    public override string Name => "update";
}

public sealed record SummaryCommand : Command
{
    public override string Name => "summary";
}

public sealed record TimelineCommand : Command
{
    public override string Name => "timeline";

    public override bool IsReadOnly => true;
}

public sealed record ResolveCommand(string? Text) : Command
{
    public override string Name => "resolve";
}

public sealed record ReopenCommand : Command
{
    public override string Name => "reopen";
}

/// <summary><see cref="Kind"/> is set only when written as a trailing <c>prevent</c>, <c>detect</c> or <c>mitigate</c>.</summary>
public sealed record ActionCommand(string Text, string? Owner, DateOnly? Due, ActionKind? Kind = null) : Command
{
    public override string Name => "action";
}

public sealed record PostmortemCommand : Command
{
    public override string Name => "postmortem";
}

public sealed record ListCommand : Command
{
    public override string Name => "list";

    public override bool NeedsIncident => false;

    public override bool IsReadOnly => true;
}

public sealed record HelpCommand(string? Topic) : Command
{
    public override string Name => "help";

    public override bool NeedsIncident => false;

    public override bool IsReadOnly => true;
}
