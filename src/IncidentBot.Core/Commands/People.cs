namespace IncidentBot.Commands;

/// <summary>
/// How a person is written. A plain <c>@alice</c> is kept as <c>alice</c>; a Slack mention <c>&lt;@U123|alice&gt;</c>
/// is kept whole, so a Slack message renders it as a mention and a page can still show the name.
/// </summary>
public static class People
{
    /// <summary>The longest name of a person the bot stores (a Slack mention with a display name fits with room to spare).</summary>
    public const int MaxLength = 200;

    public static bool IsMention(string token) =>
        (token.Length > 1 && token[0] == '@') || (token.StartsWith("<@", StringComparison.Ordinal) && token.EndsWith('>'));

    public static string Normalize(string token)
    {
        token = token.Trim();
        if (token.StartsWith("<@", StringComparison.Ordinal))
        {
            return token;
        }

        return token.TrimStart('@');
    }

    /// <summary>The name to show on a page: <c>@alice</c>.</summary>
    public static string Display(string? user)
    {
        if (string.IsNullOrEmpty(user))
        {
            return "";
        }

        if (user.StartsWith("<@", StringComparison.Ordinal) && user.EndsWith('>'))
        {
            var inner = user[2..^1];
            var bar = inner.IndexOf('|', StringComparison.Ordinal);
            return "@" + (bar >= 0 ? inner[(bar + 1)..] : inner);
        }

        return "@" + user;
    }
}
