using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IncidentBot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace IncidentBot.Bench;

/// <summary>
/// Slack's three-second rule under load: bursts of concurrent, correctly signed <c>/incident declare</c> commands
/// while a fake Slack answers every API call in two seconds; the time to each HTTP acknowledgement is measured.
/// </summary>
internal static class SlackAckBench
{
    private const string Secret = "bench-signing-secret";

    public static async Task RunAsync(int concurrent, int rounds, int slackDelayMs)
    {
        await using var slack = await StartSlowSlackAsync(slackDelayMs);
        var folder = Directory.CreateTempSubdirectory("incidentbot-bench-slack-").FullName;
        var app = BotHost.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Storage:ConnectionString=Data Source={Path.Combine(folder, "incidentbot.db")}",
            "--Logging:LogLevel:Default=Warning",
            "--Slack:BotToken=xoxb-bench",
            $"--Slack:SigningSecret={Secret}",
            $"--Slack:ApiBaseUrl={slack.Urls.First()}/api/",
        ]);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrent }) { BaseAddress = address };

        Console.WriteLine($"Slack slash-command acknowledgement · {concurrent} concurrent signed commands × {rounds} rounds · fake Slack answers in {slackDelayMs} ms");
        // Three bursts first, not counted: they pay for JIT compilation (tiering needs repeated calls) and connection set-up.
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            await Task.WhenAll(Enumerable.Range(0, concurrent).Select(i => AckAsync(http, $"declare Warm-up {warmUp}-{i} sev4")));
        }
        var p99s = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var times = await Task.WhenAll(Enumerable.Range(0, concurrent).Select(i => AckAsync(http, $"declare Bench incident {round}-{i} sev3")));
            var sorted = times.Order().ToArray();
            var p50 = sorted[sorted.Length / 2];
            var p99 = sorted[Math.Min(sorted.Length - 1, (int)(0.99 * sorted.Length))];
            p99s.Add(p99);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round {round}: p50 {p50,7:N1} ms   p99 {p99,7:N1} ms   max {sorted[^1],7:N1} ms   (Slack's limit: 3,000 ms)"));
        }

        var median = p99s.Order().ElementAt(p99s.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median p99 over {rounds} rounds: {median:N1} ms (target < 50 ms; Slack's limit 3,000 ms)"));
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<double> AckAsync(HttpClient http, string text)
    {
        var body = $"team_id=T1&channel_id=C1&user_id=U1&user_name=bench&command=%2Fincident&text={Uri.EscapeDataString(text)}&response_url=http%3A%2F%2F127.0.0.1%3A9%2F&trigger_id=1.2.3";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task<WebApplication> StartSlowSlackAsync(int delayMs)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var slack = builder.Build();
        var channels = 0;
        slack.MapPost("/api/{method}", async (string method) =>
        {
            await Task.Delay(delayMs);
            return method == "conversations.create"
                ? Results.Json(new { ok = true, channel = new { id = $"C{Interlocked.Increment(ref channels)}", name = "inc" } })
                : Results.Json(new { ok = true, ts = "1.000001", channel = "C1" });
        });
        await slack.StartAsync();
        return slack;
    }
}
