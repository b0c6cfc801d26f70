using System.Globalization;
using System.Text;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Summaries;

/// <summary>
/// A catch-up built from what the bot itself recorded: state, roles, the latest changes, notes and updates.
/// Deterministic and free of I/O.
/// </summary>
public static class CatchUp
{
    private const int Latest = 5;

    public static string Write(Incident incident, IReadOnlyList<TimelineEntry> timeline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(timeline);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Catch-up on {incident.Key}: {incident.Title}\n");
        text.Append(CultureInfo.InvariantCulture, $"{incident.Severity.Label()} · {incident.Status.Name()} · declared {Instants.Humanize(now - incident.DeclaredAt)} ago");
        text.Append(incident.IsDrill ? " · DRILL\n" : "\n");
        text.Append("Roles: ").Append(string.Join(" · ", Enum.GetValues<Role>().Select(r =>
            $"{r.Name()} {(incident.HolderOf(r) is { } who ? People.Display(who) : "unassigned")}"))).Append('\n');
        Section(text, "What changed", timeline, TimelineKind.SeverityChanged, TimelineKind.StatusChanged, TimelineKind.RoleAssigned,
            TimelineKind.Resolved, TimelineKind.Reopened);
        Section(text, "Notes and pinned messages", timeline, TimelineKind.Note, TimelineKind.PinnedMessage);
        Section(text, "Alerts", timeline, TimelineKind.AlertFired, TimelineKind.AlertResolved);
        Section(text, "Latest stakeholder update", timeline, TimelineKind.StatusUpdate);
        Section(text, "Follow-ups", timeline, TimelineKind.ActionAdded);
        text.Append(IncidentCommands.DurationLine(incident));
        return text.ToString();
    }

    private static void Section(StringBuilder text, string heading, IReadOnlyList<TimelineEntry> timeline, params TimelineKind[] kinds)
    {
        var picked = timeline.Where(e => kinds.Contains(e.Kind)).ToList();
        if (picked.Count == 0)
        {
            return;
        }

        var take = heading.StartsWith("Latest", StringComparison.Ordinal) ? 1 : Latest;
        text.Append(heading).Append(picked.Count > take ? $" (latest {take} of {picked.Count}):\n" : ":\n");
        foreach (var entry in picked.Skip(picked.Count - Math.Min(take, picked.Count)))
        {
            text.Append("• ").Append(entry.At.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))
                .Append(" UTC ").Append(entry.Text).Append(" (").Append(People.Display(entry.Actor)).Append(")\n");
        }
    }
}
