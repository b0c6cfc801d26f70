using IncidentBot.Timeline;

namespace IncidentBot.Incidents;

/// <summary>
/// One disruption. State changes only through the named operations below; each returns the timeline entries it
/// wrote, or a refusal that changed nothing.
/// </summary>
public sealed class Incident
{
    /// <summary>The most characters a title may have.</summary>
    public const int MaxTitleLength = 200;

    private Incident(int number, string title, string declaredBy)
    {
        Number = number;
        Title = title;
        DeclaredBy = declaredBy;
    }

    public int Number { get; }

    /// <summary><c>INC-42</c>.</summary>
    public string Key => "INC-" + Number;

    public string Title { get; private set; }

    public Severity Severity { get; private set; }

    public IncidentStatus Status { get; private set; }

    public bool IsPrivate { get; private set; }

    public bool IsDrill { get; private set; }

    public string DeclaredBy { get; }

    public string? Commander { get; private set; }

    public string? Scribe { get; private set; }

    public string? Comms { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset DetectedAt { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public DateTimeOffset? MitigatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>The last change of the incident's own fields (severity, status, roles); entries alone do not count.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsOpen => Status != IncidentStatus.Resolved;

    public IncidentDurations Durations => IncidentDurations.Of(this);

    public string? HolderOf(Role role) => role switch
    {
        Role.Commander => Commander,
        Role.Scribe => Scribe,
        Role.Comms => Comms,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>
    /// Opens incident <paramref name="number"/>. <paramref name="startedAt"/> and <paramref name="detectedAt"/> default
    /// to the declaration; an alert passes its own (an instant after the declaration is taken as the declaration).
    /// </summary>
    public static (Incident Incident, TimelineEntry Entry) Declare(
        int number,
        Declaration declaration,
        string actor,
        DateTimeOffset now,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? detectedAt = null)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        now = Instants.Truncate(now);
        var detected = Instants.Truncate(Earliest(detectedAt ?? now, now));
        var started = Instants.Truncate(Earliest(startedAt ?? detected, detected));
        var incident = new Incident(number, declaration.Title, actor)
        {
            Severity = declaration.Severity,
            Status = IncidentStatus.Investigating,
            IsPrivate = declaration.IsPrivate,
            IsDrill = declaration.IsDrill,
            StartedAt = started,
            DetectedAt = detected,
            DeclaredAt = now,
            UpdatedAt = now,
        };
        var flags = (declaration.IsDrill ? " · DRILL" : "") + (declaration.IsPrivate ? " · private" : "");
        var entry = TimelineEntry.New(
            number, now, actor, TimelineKind.Declared, $"{incident.Key} declared: {declaration.Title} ({declaration.Severity.Label()}{flags})");
        return (incident, entry);
    }

    /// <summary>Rebuilds a stored incident; storage only.</summary>
    public static Incident Restore(IncidentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new Incident(state.Number, state.Title, state.DeclaredBy)
        {
            Severity = state.Severity,
            Status = state.Status,
            IsPrivate = state.IsPrivate,
            IsDrill = state.IsDrill,
            Commander = state.Commander,
            Scribe = state.Scribe,
            Comms = state.Comms,
            StartedAt = state.StartedAt,
            DetectedAt = state.DetectedAt,
            DeclaredAt = state.DeclaredAt,
            AcknowledgedAt = state.AcknowledgedAt,
            MitigatedAt = state.MitigatedAt,
            ResolvedAt = state.ResolvedAt,
            UpdatedAt = state.UpdatedAt,
        };
    }

    public IncidentState ToState() => new(
        Number, Title, Severity, Status, IsPrivate, IsDrill, DeclaredBy, Commander, Scribe, Comms,
        StartedAt, DetectedAt, DeclaredAt, AcknowledgedAt, MitigatedAt, ResolvedAt, UpdatedAt);

    public Change AssignRole(Role role, string user, string actor, DateTimeOffset now)
    {
        var previous = HolderOf(role);
        if (string.Equals(previous, user, StringComparison.Ordinal))
        {
            return Change.Refuse($"{user} is already the {role.Title()}.");
        }

        now = Touch(now);
        switch (role)
        {
            case Role.Commander:
                Commander = user;
                AcknowledgedAt ??= now;
                break;
            case Role.Scribe:
                Scribe = user;
                break;
            case Role.Comms:
                Comms = user;
                break;
        }

        var handoff = previous is null ? "" : $" (handed over from {previous})";
        return Change.Of(Entry(now, actor, TimelineKind.RoleAssigned, $"{user} is now {role.Title()}{handoff}"));
    }

    public Change ChangeSeverity(Severity severity, string actor, DateTimeOffset now)
    {
        if (severity == Severity)
        {
            return Change.Refuse($"The incident is already {severity.Label()}.");
        }

        var previous = Severity;
        Severity = severity;
        now = Touch(now);
        return Change.Of(Entry(now, actor, TimelineKind.SeverityChanged, $"Severity {previous.Label()} → {severity.Label()}"));
    }

    public Change ChangeStatus(IncidentStatus status, string actor, DateTimeOffset now)
    {
        if (Lifecycle.Refusal(Status, Lifecycle.Move.SetStatus, status) is { } refusal)
        {
            return Change.Refuse(refusal);
        }

        var previous = Status;
        Status = status;
        now = Touch(now);
        if (status == IncidentStatus.Monitoring)
        {
            MitigatedAt ??= now;
        }

        return Change.Of(Entry(now, actor, TimelineKind.StatusChanged, $"Status {previous.Name()} → {status.Name()}"));
    }

    /// <summary>Resolves; an incident never moved to monitoring counts as mitigated when resolved.</summary>
    public Change Resolve(string? text, string actor, DateTimeOffset now)
    {
        if (Lifecycle.Refusal(Status, Lifecycle.Move.Resolve, IncidentStatus.Resolved) is { } refusal)
        {
            return Change.Refuse(refusal);
        }

        Status = IncidentStatus.Resolved;
        now = Touch(now);
        MitigatedAt ??= now;
        ResolvedAt = now;
        var line = string.IsNullOrWhiteSpace(text) ? "Resolved" : "Resolved: " + text.Trim();
        return Change.Of(Entry(now, actor, TimelineKind.Resolved, line));
    }

    /// <summary>Back to investigating; the resolution instant is cleared until the next <see cref="Resolve"/>.</summary>
    public Change Reopen(string actor, DateTimeOffset now)
    {
        if (Lifecycle.Refusal(Status, Lifecycle.Move.Reopen, IncidentStatus.Investigating) is { } refusal)
        {
            return Change.Refuse(refusal);
        }

        Status = IncidentStatus.Investigating;
        ResolvedAt = null;
        now = Touch(now);
        return Change.Of(Entry(now, actor, TimelineKind.Reopened, "Reopened; status investigating"));
    }

    /// <summary>
    /// An entry that changes none of the incident's own fields (so <see cref="UpdatedAt"/> stays): a note, a status
    /// update, a pinned message, an alert, a summary.
    /// </summary>
    public TimelineEntry Record(TimelineKind kind, string text, string actor, DateTimeOffset now) =>
        Entry(Instants.Truncate(now), actor, kind, text);

    private DateTimeOffset Touch(DateTimeOffset now)
    {
        now = Instants.Truncate(now);
        UpdatedAt = now;
        return now;
    }

    private TimelineEntry Entry(DateTimeOffset at, string actor, TimelineKind kind, string text) =>
        TimelineEntry.New(Number, at, actor, kind, text);

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
