using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using IncidentBot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace IncidentBot.Bench;

/// <summary>
/// Notes and alert ingest on SQLite (one instance) and on PostgreSQL with one and with two instances sharing the
/// database, side by side: requests/s, p50/p99 and, after each run, what is stored against what was answered 2xx.
/// </summary>
internal static class ScaleBench
{
    private const string Token = "bench-token";

    public static async Task RunAsync(string? postgres, int clients, int seconds)
    {
        Console.WriteLine($"Scale-out · {clients} clients (HttpClient, in process) · {seconds} s per run · {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"setup",-22} {"load",-8} {"req/s",9} {"items/s",9} {"p50 ms",8} {"p99 ms",8} {"answered",9} {"stored",9} {"lost",5}");
        await RunSetupAsync("sqlite × 1", "sqlite", null, 1, clients, seconds);
        if (postgres is null)
        {
            Console.WriteLine("(PostgreSQL skipped: pass --postgres \"Host=…;Username=…;Database=…\", or run bench/postgres.sh)");
            return;
        }

        await RunSetupAsync("postgres × 1", "postgres", postgres, 1, clients, seconds);
        await RunSetupAsync("postgres × 2", "postgres", postgres, 2, clients, seconds);
    }

    private static async Task RunSetupAsync(string name, string provider, string? server, int instances, int clients, int seconds)
    {
        var folder = Directory.CreateTempSubdirectory("incidentbot-bench-scale-").FullName;
        var connection = provider == "postgres" ? NewDatabase(server!) : $"Data Source={Path.Combine(folder, "incidentbot.db")}";
        var apps = new List<WebApplication>();
        for (var i = 0; i < instances; i++)
        {
            var app = BotHost.Build(
            [
                "--urls=http://127.0.0.1:0", $"--Storage:Provider={provider}", $"--Storage:ConnectionString={connection}",
                "--Logging:LogLevel:Default=Warning", $"--Alerts:alertmanager:Secret={Token}",
            ]);
            await app.StartAsync();
            apps.Add(app);
        }

        var addresses = apps.Select(a => new Uri(a.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First())).ToList();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients });
        (await http.PostAsync(new Uri(addresses[0], "/api/incidents"), Json("""{"title": "Bench incident"}"""))).EnsureSuccessStatusCode();

        var notes = await LoadAsync(http, clients, seconds, (client, n) =>
            Post(new Uri(addresses[client % addresses.Count], "/api/incidents/1/commands"), """{"user":"bench","text":"note load test line"}"""));
        var alerts = await LoadAsync(http, clients, seconds, (client, n) =>
        {
            var request = Post(new Uri(addresses[client % addresses.Count], "/webhooks/alerts/alertmanager"), AlertBatch(client, n));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            return request;
        });

        foreach (var app in apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        var (storedNotes, storedAlerts) = await CountAsync(provider, connection);
        Print(name, "notes", notes, 1, storedNotes);
        Print(name, "alerts", alerts, 10, storedAlerts);
        Directory.Delete(folder, recursive: true);
    }

    private static void Print(string name, string load, (long Ok, double Seconds, double P50, double P99) run, int perRequest, long stored) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-22} {load,-8} {run.Ok / run.Seconds,9:N0} {run.Ok * perRequest / run.Seconds,9:N0} {run.P50,8:N2} {run.P99,8:N2} {run.Ok * perRequest,9:N0} {stored,9:N0} {Math.Max(0, (run.Ok * perRequest) - stored),5:N0}"));

    private static async Task<(long Ok, double Seconds, double P50, double P99)> LoadAsync(
        HttpClient http, int clients, int seconds, Func<int, int, HttpRequestMessage> request)
    {
        var until = Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var runs = await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var latencies = new List<long>();
            for (var n = 0; Stopwatch.GetTimestamp() < until; n++)
            {
                using var message = request(client, n);
                var t0 = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(message);
                await response.Content.LoadIntoBufferAsync();
                if (response.IsSuccessStatusCode)
                {
                    latencies.Add(Stopwatch.GetTimestamp() - t0);
                }
            }

            return latencies;
        }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = runs.SelectMany(r => r).Order().ToArray();
        double Ms(double q) => all.Length == 0 ? 0 : all[(int)Math.Min(all.Length - 1, q * all.Length)] * 1000.0 / Stopwatch.Frequency;
        return (all.Length, elapsed, Ms(0.5), Ms(0.99));
    }

    private static string AlertBatch(int client, int n)
    {
        var alerts = string.Join(",", Enumerable.Range(0, 10).Select(i =>
            $$"""{"status":"firing","labels":{"alertname":"Bench","service":"svc-{{client}}","instance":"i{{i}}"},"annotations":{"summary":"bench"},"startsAt":"2025-03-04T13:05:00.250Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus/graph","fingerprint":"c{{client}}-n{{n}}-a{{i}}"}"""));
        return $$"""{"version":"4","groupKey":"{}:{alertname=\"Bench\"}","truncatedAlerts":0,"status":"firing","receiver":"incidentbot","groupLabels":{"alertname":"Bench"},"commonLabels":{"alertname":"Bench"},"commonAnnotations":{},"externalURL":"http://alertmanager","alerts":[{{alerts}}]}""";
    }

    private static HttpRequestMessage Post(Uri url, string json) => new(HttpMethod.Post, url) { Content = Json(json) };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static string NewDatabase(string server)
    {
        var name = "incidentbot_bench_" + Guid.NewGuid().ToString("N")[..12];
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    private static async Task<(long Notes, long Alerts)> CountAsync(string provider, string connection)
    {
        await using System.Data.Common.DbConnection db = provider == "postgres"
            ? new NpgsqlConnection(connection)
            : new Microsoft.Data.Sqlite.SqliteConnection(connection + ";Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await using var notes = db.CreateCommand();
        notes.CommandText = "SELECT COUNT(*) FROM timeline_entries WHERE kind = 'note'";
        var noteCount = Convert.ToInt64(await notes.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        await using var alerts = db.CreateCommand();
        alerts.CommandText = "SELECT COUNT(*) FROM alerts";
        return (noteCount, Convert.ToInt64(await alerts.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
    }
}
