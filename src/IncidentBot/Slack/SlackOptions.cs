using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Slack;

/// <summary>The <c>Slack</c> section. Slack is on when both the bot token and the signing secret are set.</summary>
public sealed class SlackOptions : IValidatableObject
{
    public const string Section = "Slack";

    /// <summary>The bot token, <c>xoxb-…</c>.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The app's signing secret, for verifying Slack's requests.</summary>
    public string SigningSecret { get; set; } = "";

    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>Channel id (or name) where declarations, status updates and resolutions are announced; empty: none.</summary>
    public string AnnouncementsChannel { get; set; } = "";

    /// <summary>How long a slash command may take before Slack is answered "working on it" and the reply follows later.</summary>
    [Range(100, 2800)]
    public int InlineReplyMilliseconds { get; set; } = 2000;

    /// <summary>Offer a catch-up summary to people who join an incident's channel after it was declared.</summary>
    public bool NudgeLatecomers { get; set; }

    public bool Enabled => BotToken.Length > 0 && SigningSecret.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((BotToken.Length > 0) != (SigningSecret.Length > 0))
        {
            yield return new ValidationResult(
                "Slack needs both Slack:BotToken and Slack:SigningSecret; set both to switch Slack on, or neither to leave it off.",
                [nameof(BotToken), nameof(SigningSecret)]);
        }
    }
}
