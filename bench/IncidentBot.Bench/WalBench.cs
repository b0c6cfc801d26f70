using System.Globalization;
using System.Net.Http.Json;
using IncidentBot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Bench;

/// <summary>
/// The notes benchmark with the write-ahead log unbounded (<c>Storage:MaxWalMegabytes=0</c>, how it was before the
/// bound) and bounded, in alternating runs of the same process: the log file's peak size, sampled every 10 ms, and the
/// notes throughput of each. Every note answered 200 must be stored.
/// </summary>
internal static class WalBench
{
    public static async Task RunAsync(int clients, int seconds, int rounds, int boundMegabytes)
    {
        Console.WriteLine($"IncidentBot notes with the write-ahead log unbounded and bounded at {boundMegabytes} MB · {clients} clients · {seconds} s each · driver {LoadRun.Driver} · {Environment.ProcessorCount} cores");
        var results = new Dictionary<int, List<(LoadResult Notes, long PeakBytes)>> { [0] = [], [boundMegabytes] = [] };
        for (var round = 1; round <= rounds; round++)
        {
            // Alternate which goes first, so that neither always runs on the warmer machine.
            int[] order = round % 2 == 1 ? [0, boundMegabytes] : [boundMegabytes, 0];
            foreach (var bound in order)
            {
                var run = await RunOnceAsync(bound, clients, seconds);
                results[bound].Add(run);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round} · {Label(bound),-20} {run.Notes} · WAL peak {run.PeakBytes / 1048576.0:N1} MB"));
            }
        }

        var before = results[0];
        var after = results[boundMegabytes];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of {rounds}: unbounded {Median(before.Select(r => r.Notes.PerSecond)):N0} notes/s, WAL peak {Median(before.Select(r => r.PeakBytes / 1048576.0)):N1} MB · " +
            $"bounded {Median(after.Select(r => r.Notes.PerSecond)):N0} notes/s, WAL peak {Median(after.Select(r => r.PeakBytes / 1048576.0)):N1} MB (bound {boundMegabytes} MB) · " +
            $"throughput bounded/unbounded {Median(after.Zip(before, (a, b) => a.Notes.PerSecond / b.Notes.PerSecond)):P0}"));
    }

    private static string Label(int bound) => bound == 0 ? "WAL unbounded" : $"WAL bound {bound} MB";

    private static async Task<(LoadResult Notes, long PeakBytes)> RunOnceAsync(int boundMegabytes, int clients, int seconds)
    {
        var folder = Directory.CreateTempSubdirectory("incidentbot-bench-").FullName;
        var database = Path.Combine(folder, "incidentbot.db");
        var app = BotHost.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Storage:ConnectionString=Data Source={database}",
            $"--Storage:MaxWalMegabytes={boundMegabytes}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using (var http = new HttpClient { BaseAddress = address })
            {
                (await http.PostAsJsonAsync("/api/incidents", new { title = "Benchmark incident", severity = "SEV3" })).EnsureSuccessStatusCode();
            }

            var notes = new Uri(address, "/api/incidents/1/commands");
            await LoadRun.RunAsync("warm-up notes", notes, """{"user":"bench","text":"note warm-up"}""", clients, 3);

            var wal = new FileInfo(database + "-wal");
            long peak = 0;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    wal.Refresh();
                    peak = Math.Max(peak, wal.Exists ? wal.Length : 0);
                    await Task.Delay(10, CancellationToken.None);
                }
            });
            var result = await LoadRun.RunAsync("POST …/commands (note)", notes, """{"user":"bench","text":"note load test line"}""", clients, seconds);
            await stop.CancelAsync();
            await sampler;

            await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM timeline_entries WHERE kind = 'note' AND text = 'load test line'";
            var stored = (long)(await count.ExecuteScalarAsync())!;
            if (stored < result.Requests)
            {
                Console.WriteLine($"  LOST: {result.Requests - stored:N0} notes answered 200 are not stored");
            }

            return (result, peak);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
