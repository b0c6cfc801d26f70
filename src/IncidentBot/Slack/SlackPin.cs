namespace IncidentBot.Slack;

/// <summary>
/// A message someone asked to put on the timeline (a 📌 reaction or the "Add to timeline" shortcut). The shortcut
/// brings the message's text and author; a reaction brings only where the message is.
/// </summary>
internal sealed record SlackPin(string Channel, string Ts, string PinnedBy, string? Author, string? Text, string? ResponseUrl);
