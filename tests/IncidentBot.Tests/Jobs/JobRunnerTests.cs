using System.Net;
using IncidentBot.Chat;
using IncidentBot.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Jobs;

public sealed class JobRunnerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 4, 14, 25, 0, TimeSpan.Zero);

    private static (BotApp App, JobStore Store) Host(RecordingJobs jobs, TimeProvider? clock = null, Dictionary<string, string?>? settings = null)
    {
        var app = new BotApp(settings: settings ?? new() { ["Jobs:RetryBaseDelayMilliseconds"] = "20", ["Jobs:RetryMaxDelaySeconds"] = "1" }, services: services =>
        {
            services.AddSingleton<IJobHandler>(jobs);
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        });
        app.CreateClient();
        return (app, app.Services.GetRequiredService<JobStore>());
    }

    [Fact]
    public async Task AJobDueInTenMinutesRunsThenAndNotBefore()
    {
        var clock = new FakeTimeProvider(Start);
        var jobs = new RecordingJobs("test.later");
        var (app, store) = Host(jobs, clock);
        using (app)
        {
            await store.EnqueueAsync(jobs.Job("at 14:35", dueAt: Start.AddMinutes(10)), default);

            clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
            await store.EnqueueAsync(jobs.Job("at 14:34:59"), default);
            await Wait.Until(() => jobs.Runs.Contains("\"at 14:34:59\""), "a job due at once, run after the other was looked at");
            Assert.DoesNotContain("\"at 14:35\"", jobs.Runs);

            clock.Advance(TimeSpan.FromSeconds(1));
            await store.EnqueueAsync(jobs.Job("nudge"), default);
            await Wait.Until(() => jobs.Runs.Contains("\"at 14:35\""), "the job due at 14:35");
        }
    }

    [Fact]
    public async Task ALanesJobsRunOneAtATimeInOrderThroughAFailureAndItsRetry()
    {
        var jobs = new RecordingJobs("test.lane");
        var running = 0;
        var mostAtOnce = 0;
        var failedOnce = 0;
        jobs.Behaviour = async job =>
        {
            var now = Interlocked.Increment(ref running);
            mostAtOnce = Math.Max(mostAtOnce, now);
            await Task.Yield();
            Interlocked.Decrement(ref running);
            if (job.Payload == "\"3\"" && Interlocked.Exchange(ref failedOnce, 1) == 0)
            {
                throw new ChatDeliveryException("The room is down for a moment.", refused: false);
            }
        };
        var (app, store) = Host(jobs);
        using (app)
        {
            for (var i = 1; i <= 6; i++)
            {
                await store.EnqueueAsync(jobs.Job(i.ToString(System.Globalization.CultureInfo.InvariantCulture), lane: "room-1"), default);
            }

            await Wait.Until(() => jobs.Runs.Count == 7, "six jobs and one retry");

            Assert.Equal(["\"1\"", "\"2\"", "\"3\"", "\"3\"", "\"4\"", "\"5\"", "\"6\""], jobs.Runs);
            Assert.Equal(1, mostAtOnce);
        }
    }

    [Fact]
    public async Task ACancelledJobNeverRuns()
    {
        var clock = new FakeTimeProvider(Start);
        var jobs = new RecordingJobs("test.reminder");
        var (app, store) = Host(jobs, clock);
        using (app)
        {
            await store.EnqueueAsync(jobs.Job("remind", key: "remind:INC-1:commander", dueAt: Start.AddMinutes(5)), default);

            Assert.True(await store.CancelAsync("remind:INC-1:commander", default));
            clock.Advance(TimeSpan.FromMinutes(6));
            await store.EnqueueAsync(jobs.Job("after"), default);
            await Wait.Until(() => jobs.Runs.Contains("\"after\""), "a later job");

            Assert.DoesNotContain("\"remind\"", jobs.Runs);
            Assert.False(await store.CancelAsync("remind:INC-1:commander", default));
        }
    }

    [Fact]
    public async Task EnqueueingTheSameKeyTwiceMakesOneJob()
    {
        var jobs = new RecordingJobs("test.once");
        var (app, store) = Host(jobs);
        using (app)
        {
            Assert.True(await store.EnqueueAsync(jobs.Job("first", key: "once"), default));
            Assert.False(await store.EnqueueAsync(jobs.Job("second", key: "once"), default));
            await store.EnqueueAsync(jobs.Job("sentinel", lane: "after"), default);
            await Wait.Until(() => jobs.Runs.Contains("\"sentinel\""), "the sentinel");

            Assert.Equal(["\"first\""], jobs.Runs.Where(r => r != "\"sentinel\""));
        }
    }

    [Fact]
    public async Task ARetryAfterTheFarSideAskedForIsWaitedOut()
    {
        var clock = new FakeTimeProvider(Start);
        var jobs = new RecordingJobs("test.limited");
        jobs.Behaviour = job => job.Payload == "\"limited\"" && job.Job.Attempts == 0
            ? throw new ChatDeliveryException("Rate limited.", refused: false, retryAfter: TimeSpan.FromSeconds(30))
            : Task.CompletedTask;
        var (app, store) = Host(jobs, clock, new() { ["Jobs:RetryBaseDelayMilliseconds"] = "10", ["Jobs:RetryMaxDelaySeconds"] = "600" });
        using (app)
        {
            var queries = app.Services.GetRequiredService<JobQueries>();
            await store.EnqueueAsync(jobs.Job("limited"), default);
            await Wait.Until(async () => (await queries.ListAsync("failed", 0, 10, default)).Count == 1, "the first try to fail");

            clock.Advance(TimeSpan.FromSeconds(29));
            await store.EnqueueAsync(jobs.Job("at 29 s"), default);
            await Wait.Until(() => jobs.Runs.Contains("\"at 29 s\""), "a job run 29 s later");
            Assert.Single(jobs.Runs, r => r == "\"limited\"");

            clock.Advance(TimeSpan.FromSeconds(1));
            await store.EnqueueAsync(jobs.Job("at 30 s"), default);
            await Wait.Until(() => jobs.Runs.Count(r => r == "\"limited\"") == 2, "the retry after 30 s");
        }
    }

    [Fact]
    public async Task AJobRefusedTooOftenIsSetAsideShownAndRunsAgainWhenAnOperatorRetriesIt()
    {
        var jobs = new RecordingJobs("test.refused");
        var refuse = true;
        jobs.Behaviour = _ => Volatile.Read(ref refuse) ? throw new ChatDeliveryException("missing_scope", refused: true) : Task.CompletedTask;
        var (app, store) = Host(jobs, settings: new() { ["Jobs:RetryBaseDelayMilliseconds"] = "10", ["Jobs:MaxRefusals"] = "3" });
        using (app)
        {
            var client = app.CreateClient();
            await store.EnqueueAsync(jobs.Job("refused"), default);

            await Wait.Until(async () => (await client.GetJsonAsync("/api/jobs?state=set-aside")).Body!["jobs"]!.AsArray().Count == 1, "the job set aside");
            var job = (await client.GetJsonAsync("/api/jobs?state=set-aside")).Body!["jobs"]![0]!;
            Assert.Equal(3, jobs.Runs.Count);
            Assert.Equal("test.refused", job["kind"]!.GetValue<string>());
            Assert.Equal("missing_scope", job["lastError"]!.GetValue<string>());
            Assert.Contains("test.refused", await client.GetStringAsync(new Uri("/jobs", UriKind.Relative)), StringComparison.Ordinal);

            Volatile.Write(ref refuse, false);
            var id = job["id"]!.GetValue<long>();
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri($"/api/jobs/{id}/retry", UriKind.Relative), null)).StatusCode);
            await Wait.Until(() => jobs.Runs.Count == 4, "the retried run");
            await Wait.Until(async () => (await client.GetJsonAsync($"/api/jobs/{id}")).Body!["state"]!.GetValue<string>() == "done", "the job done");
            Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync(new Uri($"/api/jobs/{id}/drop", UriKind.Relative), null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(new Uri("/api/jobs/999999/retry", UriKind.Relative), null)).StatusCode);
        }
    }

    [Fact]
    public async Task ASetAsideJobCanBeDroppedAndIsKeptAsDropped()
    {
        var jobs = new RecordingJobs("test.dropped") { Behaviour = _ => throw new InvalidOperationException("a bug in the handler") };
        var (app, store) = Host(jobs, settings: new() { ["Jobs:RetryBaseDelayMilliseconds"] = "10", ["Jobs:MaxRefusals"] = "1" });
        using (app)
        {
            var client = app.CreateClient();
            await store.EnqueueAsync(jobs.Job("dropped"), default);
            await Wait.Until(async () => (await client.GetJsonAsync("/api/jobs?state=set-aside")).Body!["jobs"]!.AsArray().Count == 1, "the job set aside");
            var id = (await client.GetJsonAsync("/api/jobs?state=set-aside")).Body!["jobs"]![0]!["id"]!.GetValue<long>();

            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri($"/api/jobs/{id}/drop", UriKind.Relative), null)).StatusCode);

            Assert.Empty((await client.GetJsonAsync("/api/jobs?state=set-aside")).Body!["jobs"]!.AsArray());
            Assert.Equal("dropped", (await client.GetJsonAsync($"/api/jobs/{id}")).Body!["state"]!.GetValue<string>());
            Assert.Single(jobs.Runs);
        }
    }
}
