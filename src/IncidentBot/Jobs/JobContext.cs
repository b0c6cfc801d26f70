using IncidentBot.Storage;

namespace IncidentBot.Jobs;

/// <summary>One run of a claimed job: what the handler reads, and how it records steps, finishes or asks to run again.</summary>
internal sealed class JobContext(Job job, JobStore store, string owner, TimeSpan lease)
{
    public Job Job { get; } = job;

    /// <summary>The job's payload, as the handler's own JSON.</summary>
    public string Payload => Job.Payload;

    /// <summary>Set when the handler asked to run again later instead of being done (a recurring job).</summary>
    public DateTimeOffset? AgainAt { get; private set; }

    /// <summary>Whether the handler already marked the job done inside a transaction of its own.</summary>
    public bool Finished { get; private set; }

    /// <summary>
    /// Records that the first <paramref name="progress"/> steps are done and renews the lease; throws when the job is
    /// no longer this instance's (its lease ran out and another instance took it over), which stops this run.
    /// </summary>
    public async Task StepDoneAsync(int progress, CancellationToken cancellationToken)
    {
        if (!await store.ProgressAsync(Job.Id, owner, progress, lease, cancellationToken).ConfigureAwait(false))
        {
            throw new JobLostException(Job.Id);
        }
    }

    /// <summary>Marks the job done inside the handler's own write, so its effect and its completion commit together.</summary>
    public async Task FinishWithinAsync(WriteScope scope, CancellationToken cancellationToken)
    {
        await JobStore.FinishAsync(scope, Job.Id, owner, cancellationToken).ConfigureAwait(false);
        Finished = true;
    }

    /// <summary>When the handler returns, the job waits until <paramref name="at"/> and runs again, instead of being done.</summary>
    public void RunAgainAt(DateTimeOffset at) => AgainAt = at;
}
