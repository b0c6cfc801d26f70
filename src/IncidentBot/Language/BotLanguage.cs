using Microsoft.Extensions.Options;

namespace IncidentBot.Language;

/// <summary>
/// Which language a person is answered in: their own locale where the platform tells it (Slack <c>users.info</c>,
/// a Teams activity's <c>locale</c>) and the bot speaks it, else <c>Bot:Language</c>.
/// </summary>
internal sealed class BotLanguage(IOptions<BotOptions> options)
{
    /// <summary>The bot's own language: for rooms, summaries and postmortems, which many people read.</summary>
    public Texts Default => Texts.For(options.Value.Language) ?? Texts.En;

    /// <summary>The language for a person whose locale is <paramref name="locale"/> (null when unknown).</summary>
    public Texts ForLocale(string? locale) => Texts.ForLocale(locale) ?? Default;
}
