using System.Collections.Concurrent;
using IncidentBot.Jobs;

namespace IncidentBot.Support;

/// <summary>
/// A job handler of the test's: records the payload of every run, in the order runs started, and runs
/// <see cref="Behaviour"/> (by default nothing: the job is done).
/// </summary>
internal sealed class RecordingJobs(string kind) : IJobHandler
{
    private readonly ConcurrentQueue<string> _runs = new();

    public string Kind { get; } = kind;

    /// <summary>What a run does after it is recorded; throwing fails it.</summary>
    public Func<JobContext, Task> Behaviour { get; set; } = _ => Task.CompletedTask;

    public IReadOnlyList<string> Runs => [.. _runs];

    public async Task RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        _runs.Enqueue(job.Payload);
        await Behaviour(job);
    }

    /// <summary>A job of this kind whose payload is <paramref name="name"/> as a JSON string.</summary>
    public JobRequest Job(string name, string? key = null, string? lane = null, DateTimeOffset? dueAt = null) =>
        new(Kind, $"\"{name}\"", key, lane, dueAt);
}
