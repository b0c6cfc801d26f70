using IncidentBot.Commands;

namespace IncidentBot.Teams;

/// <summary>What a person reads in Teams after a command.</summary>
internal static class TeamsReply
{
    /// <summary>The outcome's message, and the usage line when the command was wrong.</summary>
    public static string Text(CommandOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var text = outcome.Kind == OutcomeKind.Done ? outcome.Message : "⚠️ " + outcome.Message;
        if (outcome.Command is DeclareCommand && outcome.Ok)
        {
            text += " Opening its room now.";
        }

        return outcome.Usage is null || outcome.Ok ? text : $"{text}\nUsage: `{TeamsMessagesEndpoint.Prefix}{outcome.Usage}`";
    }

    /// <summary>The welcome when the bot is added to a team, a chat or a person's Teams.</summary>
    public static string Welcome() =>
        "👋 IncidentBot is here. Declare an incident with " +
        $"`{TeamsMessagesEndpoint.Prefix}declare <title> sev2`; each incident gets its own room.\n" + Usage.Help(TeamsMessagesEndpoint.Prefix);
}
