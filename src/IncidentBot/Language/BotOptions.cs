using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Language;

/// <summary>The <c>Bot</c> section: what the bot is, whatever the platform.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>The language the bot answers in where the platform does not tell a person's locale.</summary>
    [RegularExpression("^(en|ja)$", ErrorMessage = "Bot:Language must be en or ja.")]
    public string Language { get; set; } = "en";
}
