namespace IncidentBot.Timeline;

/// <summary>
/// One append-only line of an incident's timeline. <see cref="Id"/> is 0 until stored.
/// <see cref="SourceKey"/>, when set, makes the entry idempotent: a second entry with the same key is not stored
/// (a Slack event redelivered, an alert posted twice).
/// </summary>
public sealed record TimelineEntry(
    long Id,
    int IncidentNumber,
    DateTimeOffset At,
    string Actor,
    TimelineKind Kind,
    string Text,
    string? SourceKey = null,
    string? Link = null)
{
    public static TimelineEntry New(int incidentNumber, DateTimeOffset at, string actor, TimelineKind kind, string text) =>
        new(0, incidentNumber, Instants.Truncate(at), actor, kind, text);
}
