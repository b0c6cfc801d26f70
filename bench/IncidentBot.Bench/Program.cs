using System.Globalization;
using System.Net.Http.Json;
using IncidentBot.Bench;
using IncidentBot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;

// Notes through POST /api/incidents/{n}/commands beside a bare MapGet("/ping") in the same process, same clients,
// same time: the ratio is IncidentBot's overhead over an empty endpoint. Every note answered 200 must be stored.
if (args.Length > 0 && args[0] == "slack")
{
    await SlackAckBench.RunAsync(Option("--concurrent", 200), Option("--rounds", 5), Option("--slack-delay-ms", 2000));
    return;
}

if (args.Length > 0 && args[0] == "jobs")
{
    var postgres = Array.IndexOf(args, "--postgres") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    await JobsBench.RunAsync(postgres, Option("--count", 20_000), Option("--rounds", 3));
    return;
}

if (args.Length > 0 && args[0] == "wal")
{
    await WalBench.RunAsync(Option("--clients", 50), Option("--seconds", 10), Option("--rounds", 2), Option("--bound", 64));
    return;
}

if (args.Length > 0 && args[0] == "scale")
{
    var postgres = Array.IndexOf(args, "--postgres") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    await ScaleBench.RunAsync(postgres, Option("--clients", 50), Option("--seconds", 10));
    return;
}

var seconds = Option("--seconds", 20);
var clients = Option("--clients", 50);
var rounds = Option("--rounds", 1);
var folder = Directory.CreateTempSubdirectory("incidentbot-bench-").FullName;
var database = Path.Combine(folder, "incidentbot.db");
var app = BotHost.Build(
[
    "--urls=http://127.0.0.1:0",
    $"--Storage:ConnectionString=Data Source={database}",
    "--Logging:LogLevel:Default=Warning",
]);
app.MapGet("/ping", () => "pong");
await app.StartAsync();
var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

using var http = new HttpClient { BaseAddress = address };
var declared = await http.PostAsJsonAsync("/api/incidents", new { title = "Benchmark incident", severity = "SEV3" });
declared.EnsureSuccessStatusCode();

Console.WriteLine($"IncidentBot notes vs bare endpoint · {clients} clients · {seconds} s each · driver {LoadRun.Driver} · {Environment.ProcessorCount} cores");
// A warm-up of both endpoints first, not counted: JIT tiering and the first pages of a new database.
await LoadRun.RunAsync("warm-up ping", new Uri(address, "/ping"), null, clients, 5);
await LoadRun.RunAsync("warm-up notes", new Uri(address, "/api/incidents/1/commands"), """{"user":"bench","text":"note warm-up"}""", clients, 5);
var notes = new List<LoadResult>();
var pings = new List<LoadResult>();
for (var round = 1; round <= rounds; round++)
{
    var ping = await LoadRun.RunAsync("GET /ping (bare)", new Uri(address, "/ping"), null, clients, seconds);
    var note = await LoadRun.RunAsync("POST …/commands (note)", new Uri(address, "/api/incidents/1/commands"),
        """{"user":"bench","text":"note load test line"}""", clients, seconds);
    pings.Add(ping);
    notes.Add(note);
    Console.WriteLine($"round {round}");
    Console.WriteLine("  " + ping);
    Console.WriteLine("  " + note);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  notes/ping throughput ratio {note.PerSecond / ping.PerSecond:P0}"));
}

await using (var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"))
{
    await connection.OpenAsync();
    await using var count = connection.CreateCommand();
    count.CommandText = "SELECT COUNT(*) FROM timeline_entries WHERE kind = 'note' AND text = 'load test line'";
    var stored = (long)(await count.ExecuteScalarAsync())!;
    var answered = notes.Sum(n => n.Requests);
    // Requests still in flight when a run ends are cut off by the client but may commit: stored can exceed answered.
    Console.WriteLine($"notes answered 200: {answered:N0} · stored: {stored:N0} · lost: {Math.Max(0, answered - stored):N0}");
}

double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median of {rounds}: ping {Median(pings.Select(p => p.PerSecond)):N0} req/s p99 {Median(pings.Select(p => p.P99Ms)):N2} ms · " +
    $"notes {Median(notes.Select(n => n.PerSecond)):N0} req/s p99 {Median(notes.Select(n => n.P99Ms)):N2} ms · " +
    $"ratio {Median(notes.Zip(pings, (n, p) => n.PerSecond / p.PerSecond)):P0} (target: p99 < 20 ms, ratio ≥ 33%)"));
await app.StopAsync();
Directory.Delete(folder, recursive: true);

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
