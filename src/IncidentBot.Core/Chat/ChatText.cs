using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Chat;

/// <summary>What the bot says on every platform, as plain text; each platform adds its own formatting around it.</summary>
public static class ChatText
{
    /// <summary>The most characters a Slack topic may have; Teams has no shorter limit that matters here.</summary>
    public const int MaxTopicLength = 250;

    /// <summary>The answer to a command that outlasts the platform's acknowledgement; its reply follows.</summary>
    public const string WorkingOnIt = "⏳ Working on it…";

    /// <summary><c>SEV1 · investigating · IC @alice · scribe @bob · comms —</c>.</summary>
    public static string Topic(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var topic = $"{incident.Severity.Label()} · {incident.Status.Name()} · IC {Holder(incident.Commander)} · " +
                    $"scribe {Holder(incident.Scribe)} · comms {Holder(incident.Comms)}" + (incident.IsDrill ? " · DRILL" : "");
        return Shorten.ToFit(topic, MaxTopicLength);
    }

    /// <summary>The line posted in the room for an entry, or null when the entry needs no message there.</summary>
    public static string? RoomLine(TimelineEntry entry, Incident incident)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(incident);
        return entry.Kind switch
        {
            TimelineKind.Declared => null,
            TimelineKind.RoleAssigned => $"👤 {entry.Text}",
            TimelineKind.SeverityChanged => $"🚦 {entry.Text}",
            TimelineKind.StatusChanged => $"🔄 {entry.Text}",
            TimelineKind.Note => $"📝 {entry.Actor}: {entry.Text}",
            TimelineKind.PinnedMessage => null,
            TimelineKind.AlertFired => $"🔥 {entry.Text}" + (entry.Link is null ? "" : $"\nRunbook: {entry.Link}"),
            TimelineKind.AlertResolved => $"✅ {entry.Text}",
            TimelineKind.StatusUpdate => $"📣 Status update from {entry.Actor}: {entry.Text}",
            TimelineKind.SummaryPosted => entry.Text,
            TimelineKind.Resolved => $"✅ {incident.Key} resolved by {entry.Actor}. {entry.Text}\n{IncidentCommands.DurationLine(incident)}",
            TimelineKind.Reopened => $"♻️ {incident.Key} reopened by {entry.Actor}.",
            TimelineKind.ActionAdded => $"📌 {entry.Text}",
            TimelineKind.PostmortemDrafted => $"📄 {entry.Text}" + (IsWebLink(entry.Link) ? $" ({entry.Link})" : ""),
            _ => entry.Text,
        };
    }

    /// <summary>
    /// The reply a person reads after a command: the outcome's message, and the usage line (with the platform's
    /// <paramref name="prefix"/>) when the command was wrong; a declaration says its <paramref name="roomWord"/> opens;
    /// in the person's language (<paramref name="texts"/>).
    /// </summary>
    public static string Reply(CommandOutcome outcome, string prefix, string roomWord, Language.Texts? texts = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var t = texts ?? Language.Texts.En;
        var text = outcome.Kind == OutcomeKind.Done ? outcome.Message : "⚠️ " + outcome.Message;
        if (outcome.Command is DeclareCommand && outcome.Ok)
        {
            text += t.OpeningRoom(roomWord);
        }

        return outcome.Usage is null || outcome.Ok ? text : $"{text}\n{t.Usage}: `{prefix}{outcome.Usage}`";
    }

    /// <summary>The announcement for the stakeholders' channel, or null when the entry is not announced.</summary>
    public static string? Announcement(TimelineEntry entry, Incident incident)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.IsPrivate)
        {
            return null;
        }

        var drill = incident.IsDrill ? "[DRILL] " : "";
        return entry.Kind switch
        {
            TimelineKind.Declared => $"🚨 {drill}{incident.Key} declared: {incident.Title} ({incident.Severity.Label()})",
            TimelineKind.StatusUpdate => $"📣 {drill}{incident.Key} · {incident.Title} · {incident.Status.Name()}: {entry.Text}",
            TimelineKind.Resolved => $"✅ {drill}{incident.Key} resolved: {incident.Title}. {IncidentCommands.DurationLine(incident)}",
            _ => null,
        };
    }

    /// <summary>The welcome pinned in a new room.</summary>
    public static string Welcome(Incident incident, string prefix)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return $"{(incident.IsDrill ? "DRILL · " : "")}{incident.Key}: {incident.Title}\n" +
               $"Severity {incident.Severity.Label()} · status {incident.Status.Name()} · declared by {incident.DeclaredBy}\n" +
               $"Roles: commander {Holder(incident.Commander)} · scribe {Holder(incident.Scribe)} · comms {Holder(incident.Comms)}\n" +
               $"Take a role with `{prefix}role commander`; pin a message with 📌 to put it on the timeline.\n" +
               Usage.Help(prefix);
    }

    /// <summary>Only web addresses are worth posting; a file path on the bot's disk is not.</summary>
    /// <summary>Whether a link can be opened in a browser (an exported file's path cannot).</summary>
    public static bool IsWebLink(string? link) =>
        link is not null && (link.StartsWith("https://", StringComparison.Ordinal) || link.StartsWith("http://", StringComparison.Ordinal));

    /// <summary>
    /// The one neutraliser of broadcast mentions, for every text the bot sends to any platform: Slack's special
    /// mentions (<c>&lt;!channel&gt;</c>, <c>&lt;!here&gt;</c>, <c>&lt;!everyone&gt;</c>, <c>&lt;!subteam^…&gt;</c>) and
    /// Teams' <c>&lt;at&gt;</c> tags are shown as typed instead of paging people. Titles, names, notes, alerts and model
    /// output all reach chat, so no text may ping a whole workspace. People's mentions (<c>&lt;@U123&gt;</c>) stay.
    /// Applying it twice changes nothing more.
    /// </summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('<', StringComparison.Ordinal))
        {
            return text;
        }

        var safe = new System.Text.StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var broadcast = text[i] == '<' && i + 1 < text.Length &&
                            (text[i + 1] == '!' || (i + 2 < text.Length && text.AsSpan(i + 1, 2).Equals("at", StringComparison.OrdinalIgnoreCase) &&
                                                    (i + 3 == text.Length || !char.IsAsciiLetterOrDigit(text[i + 3]))));
            safe.Append(broadcast ? "&lt;" : text[i]);
        }

        return safe.ToString();
    }

    /// <summary>Who holds a role, as shown: the person, or "—".</summary>
    public static string Holder(string? user) => user is null ? "—" : People.Display(user);
}
