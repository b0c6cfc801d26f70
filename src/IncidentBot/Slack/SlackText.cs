namespace IncidentBot.Slack;

/// <summary>Text bound for Slack from sources we do not control (alerts, the API).</summary>
internal static class SlackText
{
    /// <summary>The longest text Slack displays whole in one message.</summary>
    public const int MaxLength = 3900;

    /// <summary>
    /// Neutralises broadcast mentions (<c>&lt;!channel&gt;</c>, <c>&lt;!here&gt;</c>, <c>&lt;!everyone&gt;</c>) so that an
    /// alert or a pasted message cannot page a whole workspace, and keeps the text within one message. People's
    /// mentions (<c>&lt;@U123&gt;</c>) stay.
    /// </summary>
    public static string Safe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Shorten.ToFit(Chat.ChatText.Neutralise(text), MaxLength);
    }
}
