namespace IncidentBot.Jobs;

/// <summary>
/// Runs the jobs of one kind. A handler that returns has done the job; one that throws is retried later with backoff
/// (a <see cref="Chat.ChatDeliveryException"/> says whether the far side refused and how long to wait). A job may be run
/// again after a crash, so a handler records its steps through <see cref="JobContext.StepDoneAsync"/> or is idempotent.
/// </summary>
internal interface IJobHandler
{
    /// <summary>The kind of job this handler runs: <c>chat.deliver</c>, <c>slack.pin</c>.</summary>
    string Kind { get; }

    Task RunAsync(JobContext job, CancellationToken cancellationToken);
}
