using IncidentBot.Timeline;

namespace IncidentBot.Incidents;

/// <summary>What an incident operation did: the timeline entries it wrote, or why it refused and changed nothing.</summary>
public sealed record Change(IReadOnlyList<TimelineEntry> Entries, string? Refusal)
{
    public bool Refused => Refusal is not null;

    public static Change Refuse(string why) => new([], why);

    public static Change Of(params TimelineEntry[] entries) => new(entries, null);
}
