using System.Diagnostics;
using System.Globalization;
using IncidentBot.Hosting;
using IncidentBot.Jobs;
using IncidentBot.Storage;

namespace IncidentBot.Bench;

/// <summary>
/// The job runner's own throughput: jobs with a handler that does nothing, enqueued in transactions of 1,000, timed
/// from the first enqueue until every job is recorded done. On SQLite, and on PostgreSQL with one and two instances.
/// </summary>
internal static class JobsBench
{
    private const string Kind = "bench.noop";

    public static async Task RunAsync(string? postgres, int count, int rounds)
    {
        Console.WriteLine($"Job runner · {count:N0} no-op jobs per round · {rounds} rounds · {Environment.ProcessorCount} cores");
        await RunSetupAsync("sqlite × 1", null, 1, count, rounds);
        if (postgres is null)
        {
            Console.WriteLine("(PostgreSQL skipped: pass --postgres \"Host=…;Username=…;Database=…\", or run bench/postgres.sh jobs)");
            return;
        }

        await RunSetupAsync("postgres × 1", postgres, 1, count, rounds);
        await RunSetupAsync("postgres × 2", postgres, 2, count, rounds);
    }

    private static async Task RunSetupAsync(string name, string? server, int instances, int count, int rounds)
    {
        var folder = Directory.CreateTempSubdirectory("incidentbot-bench-jobs-").FullName;
        var connection = server is null ? $"Data Source={Path.Combine(folder, "incidentbot.db")}" : ScaleBench.NewDatabase(server);
        var done = new NoOp();
        var apps = new List<WebApplication>();
        for (var i = 0; i < instances; i++)
        {
            var app = BotHost.Build(
                [
                    "--urls=http://127.0.0.1:0",
                    $"--Storage:Provider={(server is null ? "sqlite" : "postgres")}",
                    $"--Storage:ConnectionString={connection}",
                    "--Logging:LogLevel:Default=Warning",
                ],
                builder => builder.Services.AddSingleton<IJobHandler>(done));
            await app.StartAsync();
            apps.Add(app);
        }

        var writer = apps[0].Services.GetRequiredService<DatabaseWriter>();
        var rates = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var target = done.Runs + count;
            var clock = Stopwatch.StartNew();
            for (var batch = 0; batch < count; batch += 1000)
            {
                var size = Math.Min(1000, count - batch);
                await writer.WriteAsync(async (scope, ct) =>
                {
                    for (var i = 0; i < size; i++)
                    {
                        await JobStore.EnqueueAsync(scope, new JobRequest(Kind, "{}"), ct);
                    }

                    return 0;
                }, default);
            }

            while (done.Runs < target || await PendingAsync(apps[0]) > 0)
            {
                await Task.Delay(10);
            }

            rates.Add(count / clock.Elapsed.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} round {round}: {rates[^1]:N0} jobs/s ({clock.Elapsed.TotalSeconds:F2} s)"));
        }

        var sorted = rates.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: median {sorted[sorted.Length / 2]:N0} jobs/s over {rounds} rounds, each job run once: {done.Runs == (long)count * rounds}"));
        foreach (var app in apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Directory.Delete(folder, recursive: true);
    }

    private static async Task<long> PendingAsync(WebApplication app)
    {
        var queries = app.Services.GetRequiredService<JobQueries>();
        var (counts, _) = await queries.CountsAsync(default);
        return counts.Where(c => c.Kind == Kind && c.State == JobState.Pending).Sum(c => c.Count);
    }

    private sealed class NoOp : IJobHandler
    {
        private long _runs;

        public long Runs => Interlocked.Read(ref _runs);

        public string Kind => JobsBench.Kind;

        public Task RunAsync(JobContext job, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            return Task.CompletedTask;
        }
    }
}
