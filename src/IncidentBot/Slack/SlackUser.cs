namespace IncidentBot.Slack;

/// <summary>Slack people as the bot writes them: <c>&lt;@U123|alice&gt;</c>.</summary>
internal static class SlackUser
{
    public static string Mention(string userId, string? name) =>
        string.IsNullOrEmpty(name) ? $"<@{userId}>" : $"<@{userId}|{name}>";

    /// <summary>The Slack user id inside a mention, or null when the person is not a Slack user.</summary>
    public static string? IdOf(string? person)
    {
        if (person is null || !person.StartsWith("<@", StringComparison.Ordinal) || !person.EndsWith('>'))
        {
            return null;
        }

        var inner = person[2..^1];
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        var id = bar >= 0 ? inner[..bar] : inner;
        return id.Length > 0 && id.All(char.IsAsciiLetterOrDigit) ? id : null;
    }
}
