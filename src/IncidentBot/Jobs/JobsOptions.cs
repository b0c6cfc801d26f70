using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Jobs;

/// <summary>The <c>Jobs</c> section: how the durable work queue runs, retries and hands work over between instances.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>How many jobs one instance runs at once (different rooms, different trackers).</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 16;

    /// <summary>How often the runner looks for due work when nothing woke it: scheduled jobs and other instances' jobs.</summary>
    [Range(10, 60_000)]
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>The first retry delay; each further attempt doubles it.</summary>
    [Range(1, 600_000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 1000;

    /// <summary>The longest wait between two attempts at one job (a longer Retry-After is honoured up to this).</summary>
    [Range(1, 86_400)]
    public int RetryMaxDelaySeconds { get; set; } = 60;

    /// <summary>Refusals (the far side said no, not an outage) after which a job is set aside for an operator.</summary>
    [Range(1, 1000)]
    public int MaxRefusals { get; set; } = 5;

    /// <summary>
    /// How long a claimed job is this instance's without a recorded step: the longest a job waits after its instance
    /// hung. Each recorded step renews it.
    /// </summary>
    [Range(1, 3600)]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>How often a runner tells the others it is alive.</summary>
    [Range(1, 600)]
    public int HeartbeatSeconds { get; set; } = 2;

    /// <summary>A runner silent this long is dead: its jobs are taken over without waiting for their leases.</summary>
    [Range(2, 3600)]
    public int DeadAfterSeconds { get; set; } = 10;

    /// <summary>How long finished jobs are kept for operators to look at before they are deleted.</summary>
    [Range(1, 24 * 365)]
    public int KeepFinishedHours { get; set; } = 168;
}
