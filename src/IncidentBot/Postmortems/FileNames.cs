using System.Globalization;
using System.Text;

namespace IncidentBot.Postmortems;

internal static class FileNames
{
    /// <summary>Lower-case words joined by hyphens, at most 60 characters: <c>payments-api-down</c>.</summary>
    public static string Slug(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-' && char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        text = text.Length > 60 ? text[..60].TrimEnd('-') : text;
        return text.Length == 0 ? "incident" : text;
    }
}
