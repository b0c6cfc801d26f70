using System.Text;

namespace IncidentBot.Slack;

/// <summary>
/// Channel names as Slack allows them: lower case, no spaces or periods, at most 80 characters:
/// <c>inc-42-payments-api-down</c>, <c>inc-1-決済apiで502エラーが多発</c>, then <c>…-2</c> … when the name is taken.
/// Where a workspace refuses the Japanese letters, the ASCII slug (<see cref="ChannelNameStyle.Ascii"/>), and then
/// the number alone (<see cref="ChannelNameStyle.Number"/>).
/// </summary>
internal static class SlackChannelName
{
    public const int MaxLength = 80;

    public static string For(int number, string title, int attempt = 1, ChannelNameStyle style = ChannelNameStyle.Japanese)
    {
        var prefix = $"inc-{number}-";
        var suffix = attempt > 1 ? $"-{attempt}" : "";
        var slug = style == ChannelNameStyle.Number ? "" : Slug(title, style == ChannelNameStyle.Japanese);
        var room = MaxLength - prefix.Length - suffix.Length;
        slug = slug.Length > room ? slug[..room].TrimEnd('-') : slug;
        return (slug.Length == 0 ? $"inc-{number}" : prefix + slug) + suffix;
    }

    /// <summary>Slack's answers to a name it will not take, whatever its letters: try a plainer one.</summary>
    public static bool IsRefusedName(string? error) =>
        error is "invalid_name_specials" or "invalid_name" or "invalid_name_punctuation" or "invalid_name_maxlength" or "invalid_name_required";

    /// <summary>The next plainer style that gives another name than <paramref name="style"/> does, if any is left.</summary>
    public static ChannelNameStyle? Plainer(int number, string title, ChannelNameStyle style)
    {
        var tried = For(number, title, 1, style);
        for (var next = style + 1; next <= ChannelNameStyle.Number; next++)
        {
            if (For(number, title, 1, next) != tried)
            {
                return next;
            }
        }

        return null;
    }

    private static string Slug(string title, bool japanese)
    {
        var slug = new StringBuilder(title.Length);
        // NFKC first: full-width ＡＰＩ is API and half-width katakana full width; Latin accents are then taken off.
        foreach (var c in title.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            if (japanese && Japanese.IsJapanese(c) && char.IsLetterOrDigit(c))
            {
                slug.Append(c);
                continue;
            }

            // A lone half of a surrogate pair (an emoji) cannot be normalized on its own, and has no letter to keep.
            foreach (var d in char.IsSurrogate(c) ? "-" : c.ToString().Normalize(NormalizationForm.FormKD))
            {
                if (d is >= 'a' and <= 'z' or >= '0' and <= '9' or '_')
                {
                    slug.Append(d);
                }
                else if (char.GetUnicodeCategory(d) != System.Globalization.UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
                {
                    slug.Append('-');
                }
            }
        }

        return slug.ToString().Trim('-');
    }
}

/// <summary>How much of a title a channel name keeps, from most to least.</summary>
internal enum ChannelNameStyle
{
    Japanese,
    Ascii,
    Number,
}
