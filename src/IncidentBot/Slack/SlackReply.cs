namespace IncidentBot.Slack;

/// <summary>A message Slack shows in answer to a command: <c>{"response_type": "ephemeral", "text": "…"}</c>.</summary>
internal sealed record SlackReply(string ResponseType, string Text);
