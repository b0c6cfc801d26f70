using System.Globalization;
using IncidentBot.Jobs;

namespace IncidentBot.Dashboard;

/// <summary>The dashboard's <c>/jobs</c>: the work queue as operators need it, set-aside jobs first, with retry and drop.</summary>
internal static class JobsPage
{
    public static string Render(IReadOnlyList<JobView> pending, IReadOnlyList<JobView> failing, IReadOnlyList<JobView> setAside, DateTimeOffset now)
    {
        var html = new Html();
        html.Element("h1", "Jobs");
        html.Raw("<p class=\"muted\">Everything the bot does after a change: chat messages, pins, reminders and the rest. ")
            .Raw("Failing jobs are retried with growing delays; a job refused too often is set aside here until you retry or drop it.</p>");
        Table(html, "Set aside", "set-aside", setAside, now, withButtons: true);
        Table(html, "Failing, to be retried", "failing", failing, now, withButtons: false);
        Table(html, "Pending", "pending", pending, now, withButtons: false);
        return DashboardPages.Layout($"Jobs ({setAside.Count} set aside)", html.ToString());
    }

    private static void Table(Html html, string heading, string id, IReadOnlyList<JobView> jobs, DateTimeOffset now, bool withButtons)
    {
        html.Element("h2", $"{heading} ({jobs.Count})");
        if (jobs.Count == 0)
        {
            html.Raw("<p class=\"muted\">None.</p>");
            return;
        }

        html.Raw($"<table id=\"{id}\"><thead><tr><th>Job</th><th>Kind</th><th>Lane</th><th>Due</th><th>Attempts</th><th>Last error</th>")
            .Raw(withButtons ? "<th></th>" : "").Raw("</tr></thead><tbody>");
        foreach (var job in jobs)
        {
            html.Raw($"<tr data-job=\"{job.Id}\">").Element("td", job.Id.ToString(CultureInfo.InvariantCulture)).Element("td", job.Kind)
                .Element("td", job.Lane ?? "—")
                .Element("td", job.DueAt <= now ? "now" : "in " + Timeline.Instants.Humanize(job.DueAt - now), "when")
                .Element("td", job.Attempts.ToString(CultureInfo.InvariantCulture))
                .Element("td", job.LastError ?? "");
            if (withButtons)
            {
                html.Raw($"<td><form method=\"post\" action=\"/jobs/{job.Id}/retry\"><button>Retry</button></form>")
                    .Raw($"<form method=\"post\" action=\"/jobs/{job.Id}/drop\"><button>Drop</button></form></td>");
            }

            html.Raw("</tr>");
        }

        html.Raw("</tbody></table>");
    }
}
