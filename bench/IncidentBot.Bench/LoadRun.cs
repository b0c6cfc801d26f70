using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IncidentBot.Bench;

/// <summary>The figures of one load run.</summary>
internal sealed record LoadResult(string Name, long Requests, long Errors, double Seconds, double P50Ms, double P99Ms)
{
    public double PerSecond => Requests / Seconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-28} {PerSecond,10:N0} req/s   p50 {P50Ms,7:N2} ms   p99 {P99Ms,7:N2} ms   ok {Requests,9:N0}   errors {Errors:N0}");
}

/// <summary>
/// Drives one URL with a fixed number of concurrent clients for a fixed time: wrk when it is installed (a C load
/// generator costs the server less CPU), else HttpClient in this process.
/// </summary>
internal static partial class LoadRun
{
    public static async Task<LoadResult> RunAsync(string name, Uri url, string? jsonBody, int clients, int seconds)
    {
        if (Wrk() is { } wrk)
        {
            return await RunWrkAsync(wrk, name, url, jsonBody, clients, seconds);
        }

        return await RunHttpClientAsync(name, url, jsonBody, clients, seconds);
    }

    public static string Driver => Wrk() is null ? "HttpClient (in process)" : "wrk";

    private static string? Wrk() =>
        Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(p => Path.Combine(p, "wrk")).FirstOrDefault(File.Exists);

    private static async Task<LoadResult> RunHttpClientAsync(string name, Uri url, string? jsonBody, int clients, int seconds)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler);
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, clients).Select(async _ =>
        {
            var latencies = new List<long>(100_000);
            long errors = 0;
            while (Stopwatch.GetTimestamp() < until)
            {
                var t0 = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(jsonBody is null ? HttpMethod.Get : HttpMethod.Post, url);
                if (jsonBody is not null)
                {
                    request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
                }

                using var response = await http.SendAsync(request);
                await response.Content.LoadIntoBufferAsync();
                if (response.IsSuccessStatusCode)
                {
                    latencies.Add(Stopwatch.GetTimestamp() - t0);
                }
                else
                {
                    errors++;
                }
            }

            return (latencies, errors);
        }).ToList();
        var results = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = results.SelectMany(r => r.latencies).Order().ToArray();
        double Ms(double q) => all.Length == 0 ? 0 : all[(int)Math.Min(all.Length - 1, q * all.Length)] * 1000.0 / Stopwatch.Frequency;
        return new LoadResult(name, all.Length, results.Sum(r => r.errors), elapsed, Ms(0.50), Ms(0.99));
    }

    private static async Task<LoadResult> RunWrkAsync(string wrk, string name, Uri url, string? jsonBody, int clients, int seconds)
    {
        var script = Path.Combine(Path.GetTempPath(), $"incidentbot-bench-{Guid.NewGuid():N}.lua");
        var body = jsonBody is null ? "" : $"wrk.method = \"POST\"\nwrk.body = [[{jsonBody}]]\nwrk.headers[\"Content-Type\"] = \"application/json\"\n";
        await File.WriteAllTextAsync(script, body + """
            local errors = 0
            response = function(status, headers, body) if status >= 300 then errors = errors + 1 end end
            done = function(summary, latency, requests) io.write(string.format("non2xx %d\n", summary.errors.status)) end
            """);
        try
        {
            var start = new ProcessStartInfo(wrk, ["-t2", $"-c{clients}", $"-d{seconds}s", "--latency", "-s", script, url.ToString()])
            {
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var requests = long.Parse(RequestsLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            var elapsed = double.Parse(RequestsLine().Match(output).Groups[2].Value, CultureInfo.InvariantCulture);
            var non2xx = long.Parse(Non2xxLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            return new LoadResult(name, requests - non2xx, non2xx, elapsed, Percentile(output, "50%"), Percentile(output, "99%"));
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(label)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"(\d+) requests in ([\d.]+)s")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"non2xx (\d+)")]
    private static partial Regex Non2xxLine();
}
