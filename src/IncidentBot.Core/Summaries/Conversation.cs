using System.Text;
using IncidentBot.Chat;
using IncidentBot.Commands;
using IncidentBot.Timeline;

namespace IncidentBot.Summaries;

/// <summary>
/// The incident's timeline and its rooms' messages merged into one redacted conversation, oldest first. This is the
/// only form in which chat text reaches a summarizer, so nothing unredacted can leave through one.
/// </summary>
public static class Conversation
{
    /// <summary>Every catch-up starts with this, so earlier ones read back from the room are left out.</summary>
    public const string CatchUpPrefix = "Catch-up on INC-";

    /// <summary>Longest text kept of one message; pasted logs and dumps are cut.</summary>
    public const int MaxMessageLength = 2_000;

    public static IReadOnlyList<ConversationLine> From(SummaryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<ConversationLine>(request.Timeline.Count + request.Messages.Count);
        foreach (var entry in request.Timeline)
        {
            if (entry.Kind is TimelineKind.SummaryPosted or TimelineKind.PostmortemDrafted)
            {
                continue;
            }

            recorded.Add(Key(entry.Text));
            if (ChatText.RoomLine(entry, request.Incident) is { } posted)
            {
                recorded.Add(Key(posted)); // the copy as the bot posted it in the room
            }
            lines.Add(new ConversationLine(entry.At, People.Display(entry.Actor), Clean(entry.Text, keepLineBreaks: true), entry.Kind));
        }

        foreach (var message in request.Messages)
        {
            // The bot's own posts come back in the room's history: earlier catch-ups and copies of timeline entries.
            if (string.IsNullOrWhiteSpace(message.Text) || message.Text.TrimStart().StartsWith(CatchUpPrefix, StringComparison.Ordinal)
                || recorded.Contains(Key(message.Text)))
            {
                continue;
            }

            lines.Add(new ConversationLine(message.At, Author(message.Author), Clean(message.Text, keepLineBreaks: true)));
        }

        // Stable: the timeline goes before a message of the same instant.
        return [.. lines.OrderBy(l => l.At)];
    }

    /// <summary>Redacted, on one line (a message cannot forge the next line of the conversation), cut to length.</summary>
    public static string Clean(string text) => Clean(text, keepLineBreaks: false);

    /// <summary>
    /// Redacted and cut to length, with each run of white space made one space, or with <paramref name="keepLineBreaks"/>
    /// one <c>\n</c> where the run held a line break: a line break ends a sentence, most of all in Japanese, where
    /// lines often end without 。. <see cref="ConversationLine.Render"/> still puts the whole message on one line.
    /// </summary>
    public static string Clean(string text, bool keepLineBreaks)
    {
        ArgumentNullException.ThrowIfNull(text);
        var redacted = SecretRedactor.Redact(text);
        var line = new StringBuilder(Math.Min(redacted.Length, MaxMessageLength + 1));
        var space = false;
        var lineBreak = false;
        foreach (var c in redacted)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = line.Length > 0;
                lineBreak |= space && keepLineBreaks && c is '\n' or '\r' or '\u2028' or '\u2029';
                continue;
            }

            if (space)
            {
                line.Append(lineBreak ? '\n' : ' ');
                space = false;
                lineBreak = false;
            }

            line.Append(c);
            if (line.Length >= MaxMessageLength)
            {
                line.Append('…');
                break;
            }
        }

        return line.ToString();
    }

    private static string Author(string author)
    {
        var name = People.Normalize(Clean(author));
        return name.Length == 0 ? "someone" : People.Display(name);
    }

    private static string Key(string text) => text.Trim();
}
