namespace IncidentBot.Slack;

/// <summary>Someone joined a channel the bot is in (Slack's <c>member_joined_channel</c>).</summary>
internal sealed record SlackJoin(string Channel, string User);
