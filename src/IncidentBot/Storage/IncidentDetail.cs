using IncidentBot.Alerts;
using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Storage;

/// <summary>An incident with what is shown beside it: its timeline (when asked for), action items and alerts.</summary>
internal sealed record IncidentDetail(
    Incident Incident, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<ActionItem> ActionItems, IncidentAlerts Alerts);
