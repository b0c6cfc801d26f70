using System.Diagnostics;
using System.Globalization;
using IncidentBot.Bench;
using IncidentBot.Summaries;

// The extractive summary of a generated room: three runs in one process, each timed and its allocations counted;
// the median of the three, and the process's peak working set. Targets: under 1 s and under 200 MB.
// Arguments: [ja] [messages]; `ja` generates the room in Japanese.
var japanese = args.Length > 0 && args[0] == "ja";
var rest = japanese ? args[1..] : args;
var size = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 5_000;
var request = GeneratedRoom.Create(size, japanese);
Say($"room: {(japanese ? "Japanese, " : "")}{request.Messages.Count} messages, {request.Messages.Sum(m => m.Text.Length):N0} characters, {request.Timeline.Count} timeline entries");

var runs = new List<(double Ms, long Bytes)>();
var summary = "";
for (var run = 1; run <= 3; run++)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    summary = ExtractiveSummarizer.Write(request);
    watch.Stop();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    runs.Add((watch.Elapsed.TotalMilliseconds, allocated));
    Say($"run {run}: {watch.Elapsed.TotalMilliseconds,8:F1} ms  allocated {allocated / 1_048_576.0,7:F1} MB");
}

var median = runs.OrderBy(r => r.Ms).ElementAt(1);
var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576.0;
Say($"median: {median.Ms:F1} ms, allocated {runs.Select(r => r.Bytes).Order().ElementAt(1) / 1_048_576.0:F1} MB; peak working set {peak:F1} MB");
Say($"summary: {summary.Length} characters, {summary.Count(c => c == '\n')} lines");
Console.WriteLine(median.Ms < 1_000 && peak < 200 ? "within target (< 1 s, < 200 MB)" : "OVER TARGET (< 1 s, < 200 MB)");

static void Say(FormattableString line) => Console.WriteLine(FormattableString.Invariant(line));
