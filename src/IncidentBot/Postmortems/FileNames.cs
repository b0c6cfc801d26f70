using System.Globalization;
using System.Text;

namespace IncidentBot.Postmortems;

/// <summary>
/// The names of exported postmortems, safe on Linux, macOS and Windows file systems: <c>INC-42-payments-api-down</c>,
/// <c>INC-1-決済APIで502エラーが多発</c>, or <c>INC-7</c> when the title has nothing usable.
/// </summary>
internal static class FileNames
{
    /// <summary>Most characters of the title kept: at three bytes a Japanese letter, well inside 255 bytes a name.</summary>
    public const int MaxSlugLength = 60;

    /// <summary>The incident's key and, when its title gives one, a slug of it.</summary>
    public static string Stem(string key, string title)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slug = Slug(title);
        return slug.Length == 0 ? key : $"{key}-{slug}";
    }

    /// <summary>
    /// A title with Japanese in it keeps its letters and digits as written (<c>決済APIで502エラーが多発</c>); any other
    /// becomes lower-case ASCII words (<c>payments-api-down</c>). Everything else, the characters Windows forbids
    /// (<c>\ / : * ? " &lt; &gt; |</c>), dots and spaces among them, becomes one hyphen. Empty when nothing is left.
    /// </summary>
    public static string Slug(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var japanese = Japanese.In(title);
        var slug = new StringBuilder();
        var normalized = title.Normalize(japanese ? NormalizationForm.FormKC : NormalizationForm.FormKD);
        foreach (var c in japanese ? normalized : normalized.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9' || (japanese && (char.IsLetterOrDigit(c) || c == '_')))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-' && char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        return text.Length > MaxSlugLength ? text[..MaxSlugLength].TrimEnd('-') : text;
    }
}
