using System.Collections.Concurrent;
using IncidentBot.Storage;
using IncidentBot.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IncidentBot.Jobs;

/// <summary>Two instances on one PostgreSQL database share one queue.</summary>
public sealed class JobRunnerPostgresTests
{
    private static BotApp Instance(TestDatabase database, RecordingJobs jobs, Dictionary<string, string?>? settings = null) =>
        new(settings: settings, database: database, services: services =>
        {
            services.AddSingleton<IJobHandler>(jobs);
            services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(1));
        });

    [Fact]
    public async Task TwoRunnersOnOnePostgresDatabaseRunAThousandJobsExactlyOnce()
    {
        var database = TestDatabase.NewPostgres();
        var runs = new ConcurrentDictionary<string, int>();
        var first = new RecordingJobs("test.count") { Behaviour = job => Count(runs, job) };
        var second = new RecordingJobs("test.count") { Behaviour = job => Count(runs, job) };
        using var one = Instance(database, first);
        using var two = Instance(database, second);
        one.CreateClient();
        two.CreateClient();

        await one.Services.GetRequiredService<DatabaseWriter>().WriteAsync(async (scope, ct) =>
        {
            for (var i = 0; i < 1000; i++)
            {
                // A tenth of them in lanes, so that lanes are shared between the runners too.
                await JobStore.EnqueueAsync(scope, first.Job($"job {i}", lane: i % 10 == 0 ? $"lane {i % 3}" : null), ct);
            }

            return 0;
        }, default);

        await Wait.Until(() => first.Runs.Count + second.Runs.Count >= 1000, "a thousand runs", seconds: 120);
        await Wait.Until(async () => (await one.Services.GetRequiredService<JobQueries>().ListAsync("pending", 0, 10, default))
            .All(j => j.Kind != "test.count"), "every job recorded done", seconds: 60);

        Assert.Equal(1000, runs.Count);
        Assert.All(runs, run => Assert.Equal(1, run.Value));
        Assert.Equal(1000, first.Runs.Count + second.Runs.Count);
        Assert.True(first.Runs.Count > 0 && second.Runs.Count > 0, $"both runners worked: {first.Runs.Count} and {second.Runs.Count}");
    }

    [Fact]
    public async Task WhenAnInstanceDiesMidJobAnotherTakesTheJobOverOnceItStopsBeating()
    {
        var database = TestDatabase.NewPostgres();
        var settings = new Dictionary<string, string?> { ["Jobs:HeartbeatSeconds"] = "1", ["Jobs:DeadAfterSeconds"] = "3", ["Jobs:LeaseSeconds"] = "3600" };
        var stuck = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var dying = new RecordingJobs("test.takeover")
        {
            Behaviour = async _ =>
            {
                started.TrySetResult();
                await stuck.Task;
            },
        };
        var survivor = new RecordingJobs("test.takeover");
        try
        {
            var one = Instance(database, dying, settings);
            one.CreateClient();
            await one.Services.GetRequiredService<JobStore>().EnqueueAsync(dying.Job("the job"), default);
            await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

            // The instance goes away without finishing the job or handing back its lease, as a killed one would.
            one.Dispose();
            using var two = Instance(database, survivor, settings);
            two.CreateClient();

            await Wait.Until(() => survivor.Runs.Count == 1, "the other instance to take the job over");
            Assert.Equal(["\"the job\""], survivor.Runs);
        }
        finally
        {
            stuck.TrySetResult();
        }
    }

    private static Task Count(ConcurrentDictionary<string, int> runs, JobContext job)
    {
        runs.AddOrUpdate(job.Payload, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
