using System.Net;
using IncidentBot.Support;
using Xunit.Abstractions;

namespace IncidentBot.Jobs;

/// <summary>A real bot process killed with SIGKILL in the middle of delivering to Slack, then started again.</summary>
public sealed class CrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FakeSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task AfterAKillBetweenSlacksAnswerAndTheCommitNothingAcknowledgedIsLostAndNoMessageIsPostedTwice()
    {
        var folder = Directory.CreateTempSubdirectory("incidentbot-crash-").FullName;
        var settings = new Dictionary<string, string?>(SlackBot.Settings(_slack))
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "incidentbot.db")}",
            ["Postmortems:ExportPath"] = Path.Combine(folder, "postmortems"),
            // Leases far longer than the test: rooms can resume only because the restarted instance hands back the dead one's.
            ["Jobs:LeaseSeconds"] = "3600",
        };
        const int Notes = 20;
        var answers = new TaskCompletionSource();
        int number;
        await using (var first = await BotProcess.StartAsync(settings))
        {
            number = await first.Client.DeclareAsync("Checkout is failing");
            await Wait.Until(() => _slack.Accepted("pins.add").Count == 1, "the room to open");

            // Slack now carries out every post but its answers never reach this process.
            _slack.HeldAnswers["chat.postMessage"] = answers.Task;
            for (var i = 1; i <= Notes; i++)
            {
                var (response, _) = await first.Client.CommandAsync(number, $"note step {i} done");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await Wait.Until(() => _slack.Accepted("chat.postMessage").Any(c => c.Arg("text").Contains("step 1 done", StringComparison.Ordinal)), "the first note to reach Slack");
            first.Kill();
        }

        _slack.HeldAnswers.TryRemove("chat.postMessage", out _);
        answers.SetResult();
        var restarted = System.Diagnostics.Stopwatch.StartNew();
        await using var second = await BotProcess.StartAsync(settings);
        var resumedAfter = TimeSpan.Zero;
        await Wait.Until(() =>
        {
            var delivered = _slack.Accepted("chat.postMessage").Count(c => c.Arg("text").Contains("📝", StringComparison.Ordinal));
            if (delivered > 1 && resumedAfter == TimeSpan.Zero)
            {
                resumedAfter = restarted.Elapsed;
            }

            return _slack.Accepted("chat.postMessage").Select(c => c.Arg("text")).Where(t => t.Contains("📝", StringComparison.Ordinal)).Distinct().Count() == Notes;
        }, "every note after the restart", seconds: 60);

        var notes = _slack.Accepted("chat.postMessage").Where(c => c.Arg("text").Contains("📝", StringComparison.Ordinal)).ToList();
        output.WriteLine($"Delivery resumed {resumedAfter.TotalSeconds:F1} s after the restart began; {notes.Count - Notes} of {Notes} notes posted twice.");
        Assert.Equal(Notes, notes.Count);
        var order = notes.Select(c => int.Parse(c.Arg("text").Split("step ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, Notes), order);
        var timeline = (await second.Client.GetJsonAsync($"/api/incidents/{number}/timeline")).Body!.AsArray();
        Assert.Equal(Notes, timeline.Count(e => e!["kind"]!.GetValue<string>() == "note"));
    }
}
