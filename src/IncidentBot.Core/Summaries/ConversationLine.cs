using System.Globalization;
using IncidentBot.Timeline;

namespace IncidentBot.Summaries;

/// <summary>
/// One line of an incident's conversation, already redacted: a room message, or a timeline entry
/// (<see cref="Kind"/> set) that the bot recorded. <see cref="Text"/> keeps the message's line breaks, as sentence ends.
/// </summary>
public sealed record ConversationLine(DateTimeOffset At, string Author, string Text, TimelineKind? Kind = null)
{
    public string Time => At.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The text on one line.</summary>
    public string OneLine => Text.Contains('\n', StringComparison.Ordinal) ? Text.Replace('\n', ' ') : Text;

    /// <summary><c>[13:05] bob: rolled back</c>, or <c>[13:05] (note) bob: …</c> for a timeline entry.</summary>
    public string Render() => Kind is { } kind
        ? $"[{Time}] ({kind.Name().Replace('_', ' ')}) {Author}: {OneLine}"
        : $"[{Time}] {Author}: {OneLine}";
}
