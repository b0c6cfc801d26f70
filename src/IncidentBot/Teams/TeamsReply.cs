using IncidentBot.Chat;
using IncidentBot.Commands;

namespace IncidentBot.Teams;

/// <summary>What a person reads in Teams after a command.</summary>
internal static class TeamsReply
{
    /// <summary>The reply a person reads in Teams after a command.</summary>
    public static string Text(CommandOutcome outcome, Language.Texts texts) => ChatText.Reply(outcome, TeamsMessagesEndpoint.Prefix, "room", texts);

    /// <summary>The welcome when the bot is added to a team, a chat or a person's Teams.</summary>
    public static string Welcome(Language.Texts texts) =>
        texts.TeamsWelcome($"`{TeamsMessagesEndpoint.Prefix}declare <title> sev2`") + "\n" + Usage.Help(TeamsMessagesEndpoint.Prefix, texts);
}
