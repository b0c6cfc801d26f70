using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Language;
using IncidentBot.Timeline;

namespace IncidentBot.Postmortems;

/// <summary>
/// The Summary section's draft, written from the incident as it ends (not from a catch-up posted while it ran):
/// what it was, when it began, was declared, mitigated and resolved, how it ended, the last word to stakeholders and
/// the follow-up left; in the words of <see cref="Texts"/>.
/// </summary>
internal static class PostmortemOverview
{
    public static string Write(PostmortemFacts facts, Func<DateTimeOffset, string> shown, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(texts);
        var incident = facts.Incident;
        var durations = incident.Durations;
        var text = texts.OverviewWhat(incident)
            + texts.OverviewBegan(shown(incident.StartedAt), People.Display(incident.DeclaredBy), shown(incident.DeclaredAt), Humanized(durations.ToDetect));
        if (incident.MitigatedAt is { } mitigated)
        {
            text += texts.OverviewMitigated(shown(mitigated));
        }

        text += incident.Status == IncidentStatus.Resolved && incident.ResolvedAt is { } resolved
            ? texts.OverviewResolved(shown(resolved), Humanized(durations.ToResolve), Resolution(facts.Timeline))
            : texts.OverviewOpen(incident.Status.Name());
        if (facts.Updates.Count > 0)
        {
            text += texts.OverviewLastUpdate(shown(facts.Updates[^1].At), OneLine(facts.Updates[^1].Text));
        }

        if (facts.ActionItems.Count > 0)
        {
            text += texts.OverviewActions(facts.ActionItems.Count, facts.ActionItems.Count(a => !a.IsDone));
        }

        return text;
    }

    private static string? Humanized(TimeSpan? span) => span is { } value ? Instants.Humanize(value) : null;

    /// <summary>What the person who resolved it said, from the last resolution entry (<c>Resolved: rolled back v42</c>).</summary>
    private static string? Resolution(IReadOnlyList<TimelineEntry> timeline)
    {
        var entry = timeline.LastOrDefault(e => e.Kind == TimelineKind.Resolved);
        var colon = entry?.Text.IndexOf(": ", StringComparison.Ordinal) ?? -1;
        return colon < 0 ? null : OneLine(entry!.Text[(colon + 2)..]);
    }

    private static string OneLine(string text) =>
        Shorten.ToFit(string.Join(' ', text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), 300);
}
