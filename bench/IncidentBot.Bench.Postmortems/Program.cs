using System.Diagnostics;
using System.Globalization;
using System.Text;
using IncidentBot.Incidents;
using IncidentBot.Postmortems;
using IncidentBot.Timeline;
using Microsoft.Extensions.Options;

// Renders the postmortem of an incident with 2,000 timeline entries as Markdown, HTML and DOCX, several times, and
// prints the median. Target: under 300 ms for all three formats together.
const int Entries = 2_000;
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;

var options = Options.Create(new PostmortemOptions { TemplatesPath = "templates", TimeZone = "Europe/Berlin" });
var renderer = new PostmortemRenderer(new PostmortemTemplates(options), options, Options.Create(new IncidentBot.Language.BotOptions()));
var (incident, timeline, actions) = BigIncident.Build(Entries);

long markdownBytes = 0, htmlBytes = 0, docxBytes = 0;
var totals = new List<double>();
var parts = new List<(double Md, double Html, double Docx)>();
for (var run = -3; run < runs; run++)
{
    var clock = Stopwatch.StartNew();
    var draft = renderer.Render(incident, timeline, actions, DateTimeOffset.UtcNow);
    var md = clock.Elapsed.TotalMilliseconds;
    var html = PostmortemHtml.Render(draft.Markdown, draft.Title);
    var afterHtml = clock.Elapsed.TotalMilliseconds;
    var docx = PostmortemDocx.Render(draft.Markdown, draft.Title);
    var total = clock.Elapsed.TotalMilliseconds;
    if (run >= 0)
    {
        totals.Add(total);
        parts.Add((md, afterHtml - md, total - afterHtml));
    }

    markdownBytes = Encoding.UTF8.GetByteCount(draft.Markdown);
    htmlBytes = Encoding.UTF8.GetByteCount(html);
    docxBytes = docx.Length;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"postmortem of {Entries:N0} timeline entries, {runs} runs after 3 warm-ups (md {markdownBytes / 1024:N0} KiB, html {htmlBytes / 1024:N0} KiB, docx {docxBytes / 1024:N0} KiB)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median: markdown {Median(parts.Select(p => p.Md)):F1} ms · html {Median(parts.Select(p => p.Html)):F1} ms · docx {Median(parts.Select(p => p.Docx)):F1} ms · all three {Median(totals):F1} ms (target < 300 ms)"));
return Median(totals) < 300 ? 0 : 1;

/// <summary>An incident whose timeline has every kind of entry, notes and alerts most of all.</summary>
internal static class BigIncident
{
    public static (Incident, IReadOnlyList<TimelineEntry>, IReadOnlyList<ActionItem>) Build(int entries)
    {
        var start = new DateTimeOffset(2025, 3, 4, 13, 0, 0, TimeSpan.Zero);
        var (incident, declared) = Incident.Declare(42, new Declaration("Payments API down", Severity.Sev1), "alertmanager", start, start.AddMinutes(-6));
        var timeline = new List<TimelineEntry> { declared with { Id = 1 } };
        incident.AssignRole(Role.Commander, "alice", "alice", start.AddMinutes(1));
        for (var i = timeline.Count; i < entries - 1; i++)
        {
            var at = start.AddSeconds(5 * i);
            var entry = (i % 10) switch
            {
                0 => incident.Record(TimelineKind.AlertFired, $"PaymentsErrorRate firing on shard {i % 17}: 5xx ratio {i % 40}%", "alertmanager", at),
                1 => incident.Record(TimelineKind.AlertResolved, $"PaymentsErrorRate resolved on shard {(i - 1) % 17}", "alertmanager", at),
                2 => incident.Record(TimelineKind.StatusUpdate, $"Card payments degraded in EU; update {i}.", "dan", at),
                3 => incident.Record(TimelineKind.SummaryPosted, $"Summary {i}: rollback in progress,\nerror rate falling.", "carol", at),
                4 => incident.Record(TimelineKind.PinnedMessage, $"Pinned: dashboard shows queue depth {i * 3} | p99 {i % 900} ms", "bob", at),
                _ => incident.Record(TimelineKind.Note, i % 50 == 5 ? $"Someone forgot to drain shard {i % 17} before the deploy." : $"Checked pool {i % 23}: healthy; retries {i % 7}.", "bob", at),
            };
            timeline.Add(entry with { Id = timeline.Count + 1 });
        }

        var resolved = incident.Resolve("rolled back payments v42", "alice", start.AddSeconds(5 * entries));
        timeline.Add(resolved.Entries[0] with { Id = timeline.Count + 1 });
        ActionItem[] actions =
        [
            new(1, 42, "Add a canary stage to the payments deploy", "erin", new DateOnly(2025, 4, 30), false, "alice", start, ActionKind.Prevent),
            new(2, 42, "Alert on payment 5xx ratio above 5%", "frank", null, true, "alice", start, ActionKind.Detect),
        ];
        return (incident, timeline, actions);
    }
}
