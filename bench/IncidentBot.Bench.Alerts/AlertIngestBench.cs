using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Bench.Alerts;

/// <summary>
/// Sustained alert ingest: <c>--senders</c> senders post Alertmanager groups of <c>--alerts</c> alerts for
/// <c>--seconds</c> seconds, together offering <c>--rate</c> alerts per second (each sender on a fixed schedule, its
/// latency measured from when the request was due, so a slow answer is not hidden by a late send); <c>--rate 0</c>
/// sends as fast as answers come back. Then the alerts in the database are counted against the alerts answered 200.
/// </summary>
internal static class AlertIngestBench
{
    public static async Task<int> Main(string[] args)
    {
        var seconds = Option(args, "--seconds", 20);
        var senders = Option(args, "--senders", 50);
        var perPayload = Option(args, "--alerts", 10);
        var rate = Option(args, "--rate", 2000, allowZero: true);
        var interval = rate == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)senders * perPayload / rate);
        var folder = Directory.CreateTempSubdirectory("incidentbot-bench-alerts-").FullName;
        try
        {
            using var host = new BenchHost(folder);
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = senders, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = host.BaseAddress,
                Timeout = TimeSpan.FromSeconds(30),
            };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchHost.Secret);

            // Warm-up outside the measurement: JIT, connection pool, the first incidents.
            await Task.WhenAll(Enumerable.Range(0, senders).Select(s => PostAsync(client, Payload(-1 - s, 0, perPayload))));

            var latencies = new List<double>[senders];
            var failures = 0;
            var stopwatch = Stopwatch.StartNew();
            var deadline = TimeSpan.FromSeconds(seconds);
            await Task.WhenAll(Enumerable.Range(0, senders).Select(sender => Task.Run(async () =>
            {
                var mine = latencies[sender] = new List<double>(8192);
                var due = interval * sender / senders;
                for (var sequence = 0; stopwatch.Elapsed < deadline; sequence++, due += interval)
                {
                    var body = Payload(sender, sequence, perPayload);
                    if (due > stopwatch.Elapsed)
                    {
                        await Task.Delay(due - stopwatch.Elapsed);
                    }

                    var started = rate == 0 ? stopwatch.Elapsed : due;
                    if (await PostAsync(client, body))
                    {
                        mine.Add((stopwatch.Elapsed - started).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            })));
            var elapsed = stopwatch.Elapsed.TotalSeconds;

            var all = latencies.SelectMany(l => l).Order().ToList();
            var answered = (long)all.Count * perPayload;
            var warmedUp = (long)senders * perPayload;
            await using var connection = new SqliteConnection($"Data Source={host.DatabaseFile};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM alerts";
            var stored = (long)(await count.ExecuteScalarAsync())! - warmedUp;
            await using var incidents = connection.CreateCommand();
            incidents.CommandText = "SELECT COUNT(*) FROM incidents";
            var incidentCount = (long)(await incidents.ExecuteScalarAsync())!;

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                alert ingest: {senders} senders, {perPayload} alerts per Alertmanager payload, offered {(rate == 0 ? "as fast as answered" : rate + " alerts/s")}, {elapsed:0.0} s, SQLite at {host.DatabaseFile}
                  requests answered 200 : {all.Count}  (failed: {failures})
                  alerts answered       : {answered}
                  alerts in database    : {stored}  (lost: {answered - stored})
                  incidents             : {incidentCount}
                  throughput            : {stored / elapsed:0} alerts/s  ({all.Count / elapsed:0} requests/s)
                  latency p50 / p99 / max : {Percentile(all, 0.50):0.0} / {Percentile(all, 0.99):0.0} / {(all.Count == 0 ? 0 : all[^1]):0.0} ms
                """));
            return answered == stored && failures == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a closing pool: the temp folder is left for the OS.
            }
        }
    }

    private static async Task<bool> PostAsync(HttpClient client, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(new Uri("webhooks/alerts/alertmanager", UriKind.Relative), content);
        return response.IsSuccessStatusCode;
    }

    // One Alertmanager v4 group: a few alert names recur (so alerts group into incidents), every fingerprint is new.
    private static byte[] Payload(int sender, int sequence, int count)
    {
        var alertname = "BenchAlert" + ((sender + sequence) % 20).ToString(CultureInfo.InvariantCulture);
        var json = new StringBuilder(512 + (count * 600));
        json.Append("""{"receiver":"incident-bot","status":"firing","alerts":[""");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""
                {"status":"firing","labels":{"alertname":"{{alertname}}","instance":"node-{{i}}:9100","job":"node","severity":"critical","service":"bench"},
                 "annotations":{"summary":"{{alertname}} on node-{{i}}","description":"Bench alert {{sender}}/{{sequence}}/{{i}}","runbook_url":"https://runbooks.example.com/{{alertname}}"},
                 "startsAt":"2026-09-14T08:21:30.123Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus.example.com:9090/graph",
                 "fingerprint":"{{sender}}-{{sequence}}-{{i}}"}
                """);
        }

        json.Append(CultureInfo.InvariantCulture, $$"""],"groupLabels":{"alertname":"{{alertname}}"},"commonLabels":{"alertname":"{{alertname}}"},"commonAnnotations":{},"externalURL":"http://alertmanager.example.com:9093","version":"4","groupKey":"{}:{alertname=\"{{alertname}}\"}","truncatedAlerts":0}""");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback, bool allowZero = false)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) && (value > 0 || (allowZero && value == 0))
            ? value
            : fallback;
    }
}
