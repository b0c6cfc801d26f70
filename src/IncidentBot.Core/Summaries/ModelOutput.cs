using System.Text.RegularExpressions;

namespace IncidentBot.Summaries;

/// <summary>
/// What a language model wrote, made safe to post as plain text: secrets redacted again, broadcast mentions
/// (<c>@here</c>, <c>&lt;!channel&gt;</c>) defused, length capped. Nothing in it is ever read as a command.
/// </summary>
public static partial class ModelOutput
{
    public const int MaxLength = 6_000;

    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = SecretRedactor.Redact(text).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        try
        {
            cleaned = SlackBroadcast().Replace(cleaned, m => m.Groups["word"].Value);
            cleaned = PlainBroadcast().Replace(cleaned, m => m.Groups["word"].Value);
        }
        catch (RegexMatchTimeoutException)
        {
            return SecretRedactor.Withheld;
        }

        return Shorten.ToFit(cleaned, MaxLength);
    }

    [GeneratedRegex(@"<!(?<word>here|channel|everyone|subteam\^[A-Z0-9]+)(\|[^>]{0,50})?>", RegexOptions.IgnoreCase, 250)]
    private static partial Regex SlackBroadcast();

    [GeneratedRegex(@"@(?<word>here|channel|everyone)\b", RegexOptions.IgnoreCase, 250)]
    private static partial Regex PlainBroadcast();
}
