using IncidentBot.Chat;
using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Summaries;

/// <summary>What a summary is written from: the incident, its timeline (oldest first) and what its room said.</summary>
public sealed record SummaryRequest(
    Incident Incident,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<RoomMessage> Messages,
    DateTimeOffset Now);
