using System.Globalization;
using System.Text;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Postmortems;

/// <summary>
/// The Summary section's draft, written from the incident as it ends (not from a catch-up posted while it ran):
/// what it was, when it began, was declared, mitigated and resolved, how it ended, the last word to stakeholders and
/// the follow-up left.
/// </summary>
internal static class PostmortemOverview
{
    public static string Write(PostmortemFacts facts, Func<DateTimeOffset, string> shown)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(shown);
        var incident = facts.Incident;
        var durations = incident.Durations;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{incident.Key} \"{incident.Title}\" was a {incident.Severity.Label()} incident");
        text.Append(incident.IsDrill ? " (a drill)" : "");
        text.Append(CultureInfo.InvariantCulture, $". Impact began at {shown(incident.StartedAt)}; {People.Display(incident.DeclaredBy)} declared it at {shown(incident.DeclaredAt)}");
        text.Append(durations.ToDetect is { } detect ? $", {Instants.Humanize(detect)} later." : ".");
        if (incident.MitigatedAt is { } mitigated)
        {
            text.Append(CultureInfo.InvariantCulture, $" It was mitigated at {shown(mitigated)}.");
        }

        if (incident.Status == IncidentStatus.Resolved && incident.ResolvedAt is { } resolved)
        {
            text.Append(CultureInfo.InvariantCulture, $" It was resolved at {shown(resolved)}");
            text.Append(durations.ToResolve is { } lasted ? $", {Instants.Humanize(lasted)} after impact began" : "");
            text.Append(Resolution(facts.Timeline) is { } how ? $": {how}." : ".");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $" It is not resolved yet (status {incident.Status.Name()}).");
        }

        if (facts.Updates.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" The last status update to stakeholders, at {shown(facts.Updates[^1].At)}: \"{OneLine(facts.Updates[^1].Text)}\"");
        }

        var open = facts.ActionItems.Count(a => !a.IsDone);
        if (facts.ActionItems.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" {facts.ActionItems.Count} action item(s), {open} open.");
        }

        return text.ToString();
    }

    /// <summary>What the person who resolved it said, from the last resolution entry (<c>Resolved: rolled back v42</c>).</summary>
    private static string? Resolution(IReadOnlyList<TimelineEntry> timeline)
    {
        var entry = timeline.LastOrDefault(e => e.Kind == TimelineKind.Resolved);
        var colon = entry?.Text.IndexOf(": ", StringComparison.Ordinal) ?? -1;
        return colon < 0 ? null : OneLine(entry!.Text[(colon + 2)..]);
    }

    private static string OneLine(string text) => Shorten.ToFit(string.Join(' ', text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), 300);
}
