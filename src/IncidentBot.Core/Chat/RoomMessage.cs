namespace IncidentBot.Chat;

/// <summary>One message said in an incident room, as read back from the chat platform. Untrusted text.</summary>
public sealed record RoomMessage(string Author, DateTimeOffset At, string Text, string? ThreadId = null);
