using System.Globalization;
using IncidentBot.Alerts;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Dashboard;

/// <summary>The dashboard's pages, rendered on the server.</summary>
internal static class DashboardPages
{
    public static string List(IReadOnlyList<Incident> incidents, DateTimeOffset now)
    {
        var html = new Html();
        var ordered = incidents.OrderBy(i => i.IsOpen ? 0 : 1).ThenBy(i => i.IsOpen ? (int)i.Severity : 0).ThenByDescending(i => i.Number).ToList();
        var open = ordered.Count(i => i.IsOpen);
        html.Element("h1", "Incidents");
        Figures(html, incidents, now);
        html.Raw("<table id=\"incidents\"><thead><tr><th>Incident</th><th>Severity</th><th>Status</th><th>Title</th>")
            .Raw("<th>Commander</th><th>Scribe</th><th>Comms</th><th>Age</th></tr></thead><tbody>");
        foreach (var incident in ordered)
        {
            var cssClass = incident.IsOpen ? "open" : "resolved";
            html.Raw($"<tr class=\"{cssClass}\" data-number=\"{incident.Number}\">")
                .Raw($"<td><a href=\"/incidents/{incident.Number}\">{incident.Key}</a></td>")
                .Raw("<td>").Element("span", incident.Severity.Label(), $"badge sev-{incident.Severity.Label()}").Raw("</td>")
                .Raw("<td>").Element("span", incident.Status.Name(), $"badge status-{incident.Status.Name()}").Raw("</td>");
            if (incident.IsPrivate)
            {
                html.Raw("<td class=\"muted\">Private incident</td><td></td><td></td><td></td>");
            }
            else
            {
                html.Raw("<td>").Text(incident.Title).Raw(incident.IsDrill ? " <span class=\"badge\">DRILL</span>" : "").Raw("</td>")
                    .Element("td", People.Display(incident.Commander))
                    .Element("td", People.Display(incident.Scribe))
                    .Element("td", People.Display(incident.Comms));
            }

            html.Element("td", Instants.Humanize((incident.ResolvedAt ?? now) - incident.DeclaredAt), "when").Raw("</tr>");
        }

        html.Raw("</tbody></table>");
        if (ordered.Count == 0)
        {
            html.Raw("<p class=\"muted\">No incidents yet. Declare one with <code>/incident declare &lt;title&gt;</code>.</p>");
        }

        return Layout($"Incidents ({open} open)", html.ToString());
    }

    public static string Incident(
        Incident incident, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<ActionItem> actions, IncidentAlerts? alerts = null)
    {
        var html = new Html();
        if (incident.IsDrill)
        {
            html.Raw("<div class=\"drill\">DRILL — this incident is practice</div>");
        }

        html.Raw("<h1>").Text($"{incident.Key} · {incident.Title}").Raw("</h1><p>")
            .Raw($"<span class=\"badge sev-{incident.Severity.Label()}\" data-field=\"severity\">{incident.Severity.Label()}</span> ")
            .Raw($"<span class=\"badge status-{incident.Status.Name()}\" data-field=\"status\">{incident.Status.Name()}</span>")
            .Raw(incident.IsPrivate ? " <span class=\"badge\">private</span>" : "").Raw("</p>");

        var d = incident.Durations;
        html.Raw("<div class=\"figures\" id=\"figures\">");
        Figure(html, "Time to detect", d.ToDetect, "durations.timeToDetect");
        Figure(html, "Time to acknowledge", d.ToAcknowledge, "durations.timeToAcknowledge");
        Figure(html, "Time to mitigate", d.ToMitigate, "durations.timeToMitigate");
        Figure(html, "Time to resolve", d.ToResolve, "durations.timeToResolve");
        html.Raw("</div>");

        html.Raw("<section><h2>Roles</h2><table id=\"roles\"><tbody>");
        foreach (var role in Enum.GetValues<Role>())
        {
            html.Raw("<tr>").Element("th", role.Title())
                .Raw($"<td data-field=\"roles.{role.Name()}\" data-kind=\"person\">")
                .Text(incident.HolderOf(role) is { } holder ? People.Display(holder) : "unassigned").Raw("</td></tr>");
        }

        html.Raw("</tbody></table></section>");
        LatestSummary(html, timeline);

        html.Raw("<section><h2>Key instants (UTC)</h2><table id=\"instants\"><tbody>");
        Instant(html, "Impact started", incident.StartedAt);
        Instant(html, "Detected", incident.DetectedAt);
        Instant(html, "Declared", incident.DeclaredAt);
        Instant(html, "Acknowledged", incident.AcknowledgedAt);
        Instant(html, "Mitigated", incident.MitigatedAt);
        Instant(html, "Resolved", incident.ResolvedAt);
        html.Raw("</tbody></table></section>");

        var open = actions.Count(a => !a.IsDone);
        html.Raw($"<section><h2>Action items ({open} open of {actions.Count})</h2>");
        if (actions.Count > 0)
        {
            html.Raw("<table id=\"actions\"><thead><tr><th>#</th><th>Action</th><th>Kind</th><th>Owner</th><th>Due</th><th>State</th></tr></thead><tbody>");
            foreach (var action in actions)
            {
                var state = action.IsDone ? "done" : "open";
                html.Raw($"<tr class=\"action-{state}\" data-state=\"{state}\">").Element("td", action.Id.ToString(CultureInfo.InvariantCulture))
                    .Element("td", action.Text)
                    .Element("td", action.Kind?.Name() ?? "")
                    .Element("td", People.Display(action.Owner))
                    .Element("td", action.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "")
                    .Raw("<td>").Element("span", state, $"badge action-{state}").Raw("</td></tr>");
            }

            html.Raw("</tbody></table>");
        }

        html.Raw("</section>");

        if (alerts is not null)
        {
            DashboardAlerts.Section(html, alerts);
        }

        var last = timeline.Count == 0 ? 0 : timeline.Max(e => e.Id); // entries show in time order, and a pin keeps its message's time
        html.Raw($"<section><h2>Timeline</h2><table id=\"timeline\" data-incident=\"{incident.Number}\" data-last=\"{last}\">")
            .Raw("<thead><tr><th>When (UTC)</th><th>Who</th><th>What</th><th>Entry</th></tr></thead><tbody>");
        foreach (var entry in timeline)
        {
            html.Raw($"<tr data-id=\"{entry.Id}\" data-kind=\"{entry.Kind.Name()}\">")
                .Element("td", entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC", "when")
                .Element("td", entry.Actor)
                .Element("td", entry.Kind.Name().Replace('_', ' '))
                .Element("td", entry.Text, "text")
                .Raw("</tr>");
        }

        html.Raw("</tbody></table></section>");
        html.Raw($"<p><a href=\"/api/incidents/{incident.Number}/postmortem?format=html\">Postmortem draft</a></p>");
        return Layout($"{incident.Key} · {incident.Title}", html.ToString(), withScript: true);
    }

    public static string Private(Incident incident) =>
        Layout(incident.Key, $"<h1>{incident.Key}</h1><p class=\"muted\">This incident is private: its room and timeline are shown only to the people in it.</p>");

    public static string Login(bool failed) => Layout("Sign in", $"""
        <h1>Sign in</h1>
        {(failed ? "<p>That token is not right.</p>" : "")}
        <form method="post" action="/login"><label>API token <input type="password" name="token" autofocus></label>
        <button type="submit">Open the dashboard</button></form>
        """);

    /// <summary>The newest <c>summary_posted</c> entry, whole, for whoever opens the page late.</summary>
    private static void LatestSummary(Html html, IReadOnlyList<TimelineEntry> timeline)
    {
        var latest = timeline.LastOrDefault(e => e.Kind == TimelineKind.SummaryPosted);
        html.Raw("<section id=\"summary\"><h2>Latest summary</h2>");
        if (latest is null)
        {
            html.Raw("<p class=\"muted\">No summary yet. Ask for one with <code>summary</code> in the incident room.</p></section>");
            return;
        }

        html.Raw("<p class=\"muted\">")
            .Text($"Posted {latest.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC by {People.Display(latest.Actor)}")
            .Raw($"</p><pre class=\"summary\" data-id=\"{latest.Id}\">").Text(latest.Text).Raw("</pre></section>");
    }

    private static void Figures(Html html, IReadOnlyList<Incident> incidents, DateTimeOffset now)
    {
        var recent = incidents.Where(i => !i.IsDrill && i.DeclaredAt > now.AddDays(-30)).ToList();
        html.Raw("<div class=\"figures\" id=\"aggregates\">");
        Figure(html, "Open now", null, null, incidents.Count(i => i.IsOpen).ToString(CultureInfo.InvariantCulture));
        Figure(html, "Median time to acknowledge (30 days)", Median(recent.Select(i => i.Durations.ToAcknowledge)), null);
        Figure(html, "Median time to mitigate (30 days)", Median(recent.Select(i => i.Durations.ToMitigate)), null);
        Figure(html, "Median time to resolve (30 days)", Median(recent.Select(i => i.Durations.ToResolve)), null);
        html.Raw("</div>");
    }

    private static TimeSpan? Median(IEnumerable<TimeSpan?> spans)
    {
        var known = spans.OfType<TimeSpan>().Order().ToList();
        if (known.Count == 0)
        {
            return null;
        }

        return known.Count % 2 == 1 ? known[known.Count / 2] : (known[(known.Count / 2) - 1] + known[known.Count / 2]) / 2;
    }

    private static void Figure(Html html, string label, TimeSpan? span, string? field, string? value = null)
    {
        var fieldAttribute = field is null ? "" : $" data-field=\"{field}\" data-kind=\"duration\"";
        html.Raw("<div class=\"figure\">").Element("div", label, "label")
            .Raw($"<div class=\"value\"{fieldAttribute}>").Text(value ?? (span is { } s ? Instants.Humanize(s) : "—")).Raw("</div></div>");
    }

    private static void Instant(Html html, string label, DateTimeOffset? at) =>
        html.Raw("<tr>").Element("th", label)
            .Element("td", at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) : "—", "when")
            .Raw("</tr>");

    public static string Layout(string title, string body, bool withScript = false) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Html.Attribute(title)} — IncidentBot</title>
        <link rel="stylesheet" href="/dashboard.css">
        </head>
        <body>
        <header class="top"><a href="/">IncidentBot</a><span>incidents</span><nav><a href="/">Incidents</a> <a href="/jobs">Jobs</a></nav></header>
        <main>
        {body}
        </main>
        {(withScript ? "<script src=\"/dashboard.js\"></script>" : "")}
        </body>
        </html>
        """;
}
