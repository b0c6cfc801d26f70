using IncidentBot.Timeline;

namespace IncidentBot.Incidents;

/// <summary>
/// What an incident operation did: the timeline entries it wrote and whether it changed the incident itself
/// (<see cref="Modified"/>: it must be stored again), or why it refused and changed nothing.
/// </summary>
public sealed record Change(IReadOnlyList<TimelineEntry> Entries, string? Refusal, bool Modified)
{
    public bool Refused => Refusal is not null;

    public static Change Refuse(string why) => new([], why, Modified: false);

    /// <summary>The incident changed, and these entries say how.</summary>
    public static Change Of(params TimelineEntry[] entries) => new(entries, null, Modified: true);

    /// <summary>Only entries were written (a note, an update); the incident is as it was.</summary>
    public static Change Recorded(params TimelineEntry[] entries) => new(entries, null, Modified: false);
}
