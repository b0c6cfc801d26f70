using System.Globalization;
using System.Text;
using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Commands;

/// <summary>
/// Runs the commands that touch only incidents and their timeline. Writes go through one
/// <see cref="IIncidentLedger"/> transaction; <c>summary</c> and <c>postmortem</c> need I/O and are run by the host.
/// </summary>
public static class IncidentCommands
{
    /// <summary>The most timeline entries the <c>timeline</c> reply shows; the dashboard shows them all.</summary>
    public const int TimelineReplyLimit = 50;

    public static async Task<CommandOutcome> ExecuteAsync(
        IIncidentLedger ledger, Command command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        switch (command)
        {
            case DeclareCommand declare:
                return await DeclareAsync(ledger, declare, context, cancellationToken).ConfigureAwait(false);
            case ListCommand:
                return await ListAsync(ledger, context, cancellationToken).ConfigureAwait(false);
            case HelpCommand help:
                return Help(help, context);
        }

        if (OutsideRoom(command, context) is { } outside)
        {
            return outside;
        }

        var number = context.IncidentNumber!.Value;
        var incident = await ledger.FindAsync(number, cancellationToken).ConfigureAwait(false);
        if (incident is null)
        {
            return CommandOutcome.NotFound(number, context.Language);
        }

        if (command is TimelineCommand)
        {
            return await TimelineAsync(ledger, incident, cancellationToken).ConfigureAwait(false);
        }

        if (command is ActionCommand action)
        {
            return await AddActionAsync(ledger, incident, action, context, cancellationToken).ConfigureAwait(false);
        }

        var change = Apply(incident, command, context);
        if (change is null)
        {
            throw new InvalidOperationException($"`{command.Name}` is run by the host, not by {nameof(IncidentCommands)}.");
        }

        if (change.Refused)
        {
            return CommandOutcome.Refused(change.Refusal!, incident, command);
        }

        if (change.Modified)
        {
            await ledger.UpdateAsync(incident, cancellationToken).ConfigureAwait(false);
        }

        var written = await AppendAllAsync(ledger, change.Entries, cancellationToken).ConfigureAwait(false);
        return new CommandOutcome(OutcomeKind.Done, Reply(incident, command, context.Language), null, incident, written, command);
    }

    /// <summary>The answer to a command that needs an incident but was run outside a room; null when it may run.</summary>
    public static CommandOutcome? OutsideRoom(Command command, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        return !command.NeedsIncident || context.IncidentNumber is not null
            ? null
            : new CommandOutcome(
                OutcomeKind.NeedsIncident,
                context.Language.OutsideRoom(command.Name, context.Prefix),
                Usage.Of(command.Name),
                Command: command);
    }

    private static Change? Apply(Incident incident, Command command, CommandContext context) => command switch
    {
        RoleCommand role => incident.AssignRole(role.Role, role.User ?? context.Actor, context.Actor, context.Now),
        SeverityCommand sev => incident.ChangeSeverity(sev.Severity, context.Actor, context.Now),
        StatusCommand status => incident.ChangeStatus(status.Status, context.Actor, context.Now),
        NoteCommand note => Change.Recorded(incident.Record(TimelineKind.Note, note.Text, context.Actor, context.Now)),
        UpdateCommand update => Change.Recorded(incident.Record(TimelineKind.StatusUpdate, update.Text, context.Actor, context.Now)),
        ResolveCommand resolve => incident.Resolve(resolve.Text, context.Actor, context.Now),
        ReopenCommand => incident.Reopen(context.Actor, context.Now),
        _ => null,
    };

    private static async Task<CommandOutcome> DeclareAsync(
        IIncidentLedger ledger, DeclareCommand declare, CommandContext context, CancellationToken cancellationToken)
    {
        var number = await ledger.NextNumberAsync(cancellationToken).ConfigureAwait(false);
        var (incident, entry) = Incident.Declare(number, declare.Declaration, context.Actor, context.Now);
        await ledger.InsertAsync(incident, cancellationToken).ConfigureAwait(false);
        var written = await AppendAllAsync(ledger, [entry], cancellationToken).ConfigureAwait(false);
        return new CommandOutcome(OutcomeKind.Done, Reply(incident, declare, context.Language), null, incident, written, declare);
    }

    private static async Task<CommandOutcome> AddActionAsync(
        IIncidentLedger ledger, Incident incident, ActionCommand action, CommandContext context, CancellationToken cancellationToken)
    {
        var kind = action.Kind ?? ActionKindText.Infer(action.Text);
        var item = await ledger.AddActionItemAsync(
            new ActionItem(0, incident.Number, action.Text, action.Owner, action.Due, false, context.Actor, Instants.Truncate(context.Now), kind),
            cancellationToken).ConfigureAwait(false);
        var line = new StringBuilder("Action item: ").Append(action.Text);
        if (action.Owner is not null)
        {
            line.Append(" · owner ").Append(action.Owner);
        }

        if (action.Due is { } due)
        {
            line.Append(" · due ").Append(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (kind is { } known)
        {
            line.Append(" · ").Append(known.Name());
        }

        var entry = incident.Record(TimelineKind.ActionAdded, line.ToString(), context.Actor, context.Now);
        var written = await AppendAllAsync(ledger, [entry], cancellationToken).ConfigureAwait(false);
        return new CommandOutcome(OutcomeKind.Done, context.Language.ActionAdded(item.Id, incident.Key), null, incident, written, action);
    }

    private static async Task<CommandOutcome> ListAsync(IIncidentReader reader, CommandContext context, CancellationToken cancellationToken)
    {
        var open = await reader.ListAsync(openOnly: true, limit: 50, cancellationToken).ConfigureAwait(false);
        if (open.Count == 0)
        {
            return new CommandOutcome(OutcomeKind.Done, context.Language.NoOpenIncidents, Command: new ListCommand());
        }

        var lines = open.Select(i =>
            $"{i.Key} · {i.Severity.Label()} · {i.Status.Name()} · {i.Title}" +
            (i.Commander is null ? " · no commander" : $" · IC {i.Commander}") +
            $" · {Instants.Humanize(context.Now - i.DeclaredAt)} old");
        return new CommandOutcome(OutcomeKind.Done, context.Language.OpenIncidents(open.Count) + "\n" + string.Join('\n', lines), Command: new ListCommand());
    }

    private static async Task<CommandOutcome> TimelineAsync(IIncidentReader reader, Incident incident, CancellationToken cancellationToken)
    {
        var entries = await reader.TimelineAsync(incident.Number, 0, int.MaxValue, cancellationToken).ConfigureAwait(false);
        var shown = entries.Skip(Math.Max(0, entries.Count - TimelineReplyLimit));
        var text = new StringBuilder($"Timeline of {incident.Key} ({entries.Count} entries");
        text.Append(entries.Count > TimelineReplyLimit ? $", latest {TimelineReplyLimit} shown):" : "):");
        foreach (var entry in shown)
        {
            text.Append('\n').Append(entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
                .Append(" UTC · ").Append(entry.Actor).Append(" · ").Append(entry.Text);
        }

        return new CommandOutcome(OutcomeKind.Done, text.ToString(), null, incident, null, new TimelineCommand());
    }

    private static CommandOutcome Help(HelpCommand help, CommandContext context)
    {
        var text = help.Topic is null
            ? context.Language.HelpHeading + "\n" + Usage.Help(context.Prefix, context.Language)
            : $"`{context.Prefix}{Usage.Of(help.Topic)}`";
        return new CommandOutcome(OutcomeKind.Done, text, Command: help);
    }

    private static async Task<IReadOnlyList<TimelineEntry>> AppendAllAsync(
        IIncidentLedger ledger, IReadOnlyList<TimelineEntry> entries, CancellationToken cancellationToken)
    {
        var written = new List<TimelineEntry>(entries.Count);
        foreach (var entry in entries)
        {
            if (await ledger.AppendAsync(entry, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                written.Add(stored);
            }
        }

        return written;
    }

    /// <summary>The confirmation a person reads after a change, in <paramref name="texts"/>' language.</summary>
    public static string Reply(Incident incident, Command command, Language.Texts? texts = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var t = texts ?? Language.Texts.En;
        return command switch
        {
            DeclareCommand => t.Declared(incident),
            RoleCommand role => t.RoleNow(incident.HolderOf(role.Role) ?? "", t.RoleTitle(role.Role), incident.Key),
            SeverityCommand => t.IsNow(incident.Key, incident.Severity.Label()),
            StatusCommand => t.IsNow(incident.Key, incident.Status.Name()),
            NoteCommand => t.Noted(incident.Key),
            UpdateCommand => t.UpdateRecorded(incident.Key),
            ResolveCommand => t.Resolved(incident.Key) + DurationLine(incident, t),
            ReopenCommand => t.Reopened(incident.Key),
            _ => t.Done(command.Name, incident.Key),
        };
    }

    /// <summary><c>Time to detect 2m 00s · acknowledge 1m 10s · mitigate 25m 00s · resolve 40m 00s</c>.</summary>
    public static string DurationLine(Incident incident, Language.Texts? texts = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var d = incident.Durations;
        static string Show(TimeSpan? span) => span is { } s ? Instants.Humanize(s) : "—";
        return (texts ?? Language.Texts.En).Durations(Show(d.ToDetect), Show(d.ToAcknowledge), Show(d.ToMitigate), Show(d.ToResolve));
    }
}
