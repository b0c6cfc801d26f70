using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Chat;

/// <summary>The <c>Chat</c> section: what every platform's HTTP calls share. Retries of deliveries are the job queue's (<c>Jobs</c>).</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>
    /// How long one call to a platform may take before it counts as failed. A post that timed out may still have been
    /// made: it is retried only after the room's history shows it was not.
    /// </summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 20;
}
