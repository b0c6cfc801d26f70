namespace IncidentBot.Chat;

/// <summary>An incident's room on one chat platform: a Slack channel, a Teams channel or thread.</summary>
public sealed record Room(int IncidentNumber, string Platform, string Id, string Name, string? Link = null);
