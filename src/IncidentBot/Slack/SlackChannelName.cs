using System.Text;

namespace IncidentBot.Slack;

/// <summary>
/// Channel names as Slack allows them: lower-case letters, digits, hyphens and underscores, at most 80 characters:
/// <c>inc-42-payments-api-down</c>, then <c>inc-42-payments-api-down-2</c> … when the name is taken.
/// </summary>
internal static class SlackChannelName
{
    public const int MaxLength = 80;

    public static string For(int number, string title, int attempt = 1)
    {
        var prefix = $"inc-{number}-";
        var suffix = attempt > 1 ? $"-{attempt}" : "";
        var slug = Slug(title);
        var room = MaxLength - prefix.Length - suffix.Length;
        slug = slug.Length > room ? slug[..room].TrimEnd('-') : slug;
        return (slug.Length == 0 ? $"inc-{number}" : prefix + slug) + suffix;
    }

    private static string Slug(string title)
    {
        var slug = new StringBuilder(title.Length);
        foreach (var c in title.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_')
            {
                slug.Append(c);
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }
}
