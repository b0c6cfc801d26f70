using System.Text;

namespace IncidentBot.Teams;

/// <summary>
/// Channel names as Graph allows them: at most 50 characters, none of <c>~ # % &amp; * { } + / \ : &lt; &gt; ? | ' " ,</c>,
/// not starting with <c>_</c> or <c>.</c> nor ending with <c>.</c>: <c>INC-42 Payments API down</c>, then
/// <c>INC-42 Payments API down 2</c> … when the name is taken.
/// </summary>
internal static class TeamsChannelName
{
    public const int MaxLength = 50;

    private const string Forbidden = "~#%&*{}+/\\:<>?|'\",";

    public static string For(int number, string title, int attempt = 1)
    {
        ArgumentNullException.ThrowIfNull(title);
        var prefix = $"INC-{number} ";
        var suffix = attempt > 1 ? $" {attempt}" : "";
        var clean = new StringBuilder(title.Length);
        foreach (var c in title)
        {
            var keep = !char.IsControl(c) && !Forbidden.Contains(c, StringComparison.Ordinal);
            if (keep && !char.IsWhiteSpace(c))
            {
                clean.Append(c);
            }
            else if (clean.Length > 0 && clean[^1] != ' ')
            {
                clean.Append(' ');
            }
        }

        var room = MaxLength - prefix.Length - suffix.Length;
        var text = clean.ToString().Trim().TrimEnd('.');
        text = text.Length > room ? text[..room].TrimEnd(' ', '.') : text;
        return (prefix + text).TrimEnd() + suffix;
    }
}
