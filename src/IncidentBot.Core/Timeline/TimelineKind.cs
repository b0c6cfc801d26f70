namespace IncidentBot.Timeline;

/// <summary>What a timeline entry records. Stored and shown by its <see cref="TimelineKindText.Name"/>.</summary>
public enum TimelineKind
{
    Declared,
    RoleAssigned,
    SeverityChanged,
    StatusChanged,
    Note,
    PinnedMessage,
    AlertFired,
    AlertResolved,
    StatusUpdate,
    SummaryPosted,
    Resolved,
    Reopened,
    ActionAdded,
    PostmortemDrafted,
}

public static class TimelineKindText
{
    private static readonly Dictionary<TimelineKind, string> Names = new()
    {
        [TimelineKind.Declared] = "declared",
        [TimelineKind.RoleAssigned] = "role_assigned",
        [TimelineKind.SeverityChanged] = "severity_changed",
        [TimelineKind.StatusChanged] = "status_changed",
        [TimelineKind.Note] = "note",
        [TimelineKind.PinnedMessage] = "pinned_message",
        [TimelineKind.AlertFired] = "alert_fired",
        [TimelineKind.AlertResolved] = "alert_resolved",
        [TimelineKind.StatusUpdate] = "status_update",
        [TimelineKind.SummaryPosted] = "summary_posted",
        [TimelineKind.Resolved] = "resolved",
        [TimelineKind.Reopened] = "reopened",
        [TimelineKind.ActionAdded] = "action_added",
        [TimelineKind.PostmortemDrafted] = "postmortem_drafted",
    };

    private static readonly Dictionary<string, TimelineKind> ByName =
        Names.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string Name(this TimelineKind kind) => Names[kind];

    public static TimelineKind Parse(string name) =>
        ByName.TryGetValue(name, out var kind) ? kind : throw new FormatException($"Unknown timeline kind '{name}'.");
}
