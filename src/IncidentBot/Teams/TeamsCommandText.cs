using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using IncidentBot.Chat;

namespace IncidentBot.Teams;

/// <summary>
/// The command an activity carries: the text after <c>@IncidentBot</c> (the bot's own mention removed, other people's
/// mentions turned into <c>@Name</c>), or the <c>command</c> of an Adaptive Card's Action.Submit / Action.Execute data.
/// </summary>
internal static partial class TeamsCommandText
{
    public const string DataKey = "command";

    public static string? Of(TeamsActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type == "invoke")
        {
            return activity.Name == "adaptiveCard/action" && activity.Value is { } invoke && JsonObjects.Property(invoke, "action") is { } action
                ? CommandIn(JsonObjects.Property(action, "data"))
                : null;
        }

        if (activity.Value is { ValueKind: JsonValueKind.Object } submitted && CommandIn(submitted) is { } command)
        {
            return command;
        }

        return activity.Text is null ? null : FromText(activity.Text, activity.Entities, activity.Recipient?.Id);
    }

    /// <summary>The text with the bot's mention removed and everyone else's written as <c>@Name</c>.</summary>
    public static string FromText(string text, IReadOnlyList<TeamsActivity.Entity>? entities, string? botId)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var mention in entities ?? [])
        {
            if (mention is not { Type: "mention", Text: { Length: > 0 } tag })
            {
                continue;
            }

            var isBot = mention.Mentioned?.Id is { } id && id == botId;
            var person = isBot ? " " : " @" + TeamsUser.Name(mention.Mentioned?.Name ?? AtTag().Match(tag).Groups[1].Value, mention.Mentioned?.Id) + " ";
            text = text.Replace(tag, person, StringComparison.Ordinal);
        }

        // A mention without its entity can only be the bot's own (Teams always lists people it mentions).
        text = AtTag().Replace(text, " ");
        text = WebUtility.HtmlDecode(HtmlTag().Replace(text, " ").Replace("&nbsp;", " ", StringComparison.Ordinal));
        return Spaces().Replace(text, " ").Trim();
    }

    private static string? CommandIn(JsonElement? data) =>
        data is { ValueKind: JsonValueKind.Object } d && JsonObjects.Property(d, DataKey) is { ValueKind: JsonValueKind.String } c ? c.GetString() : null;

    [GeneratedRegex("<at>(.*?)</at>", RegexOptions.Singleline)]
    private static partial Regex AtTag();

    [GeneratedRegex("</?(p|div|span|br)\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    [GeneratedRegex("[ \\t\\r\\n]+")]
    private static partial Regex Spaces();
}
