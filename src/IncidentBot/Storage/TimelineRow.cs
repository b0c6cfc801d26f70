using IncidentBot.Timeline;

namespace IncidentBot.Storage;

/// <summary>A row of <c>timeline_entries</c> as Dapper reads it: the store's timeline, and the entry an outbox row joins.</summary>
internal sealed class TimelineRow
{
    public long Id { get; init; }
    public long IncidentNumber { get; init; }
    public DateTimeOffset At { get; init; }
    public string Actor { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Text { get; init; } = "";
    public string? SourceKey { get; init; }
    public string? Link { get; init; }

    public TimelineEntry ToEntry() =>
        new(Id, (int)IncidentNumber, At, Actor, TimelineKindText.Parse(Kind), Text, SourceKey, Link);
}
