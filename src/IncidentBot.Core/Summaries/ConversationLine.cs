using System.Globalization;
using IncidentBot.Timeline;

namespace IncidentBot.Summaries;

/// <summary>
/// One line of an incident's conversation, already redacted and on one line: a room message, or a timeline entry
/// (<see cref="Kind"/> set) that the bot recorded.
/// </summary>
public sealed record ConversationLine(DateTimeOffset At, string Author, string Text, TimelineKind? Kind = null)
{
    public string Time => At.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary><c>[13:05] bob: rolled back</c>, or <c>[13:05] (note) bob: …</c> for a timeline entry.</summary>
    public string Render() => Kind is { } kind
        ? $"[{Time}] ({kind.Name().Replace('_', ' ')}) {Author}: {Text}"
        : $"[{Time}] {Author}: {Text}";
}
