using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Chat;

/// <summary>The <c>Chat</c> section: how the outbox retries a platform that is down.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>The first retry delay; each further attempt doubles it.</summary>
    [Range(1, 600_000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 1000;

    /// <summary>The longest wait between two attempts at one message.</summary>
    [Range(1, 3600)]
    public int RetryMaxDelaySeconds { get; set; } = 60;

    /// <summary>Attempts after which a message the platform refuses outright (not an outage) is set aside as failed.</summary>
    [Range(1, 1000)]
    public int MaxAttemptsOnRefusal { get; set; } = 5;

    /// <summary>
    /// How long an instance may work on an outbox row before another instance may take it over (each finished step
    /// renews it): the longest a message waits after the instance delivering it died.
    /// </summary>
    [Range(1, 3600)]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>How many rooms are delivered to at once.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;
}
