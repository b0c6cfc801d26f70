using IncidentBot.Timeline;

namespace IncidentBot.Storage;

/// <summary>
/// Work that follows a stored timeline entry, written inside the entry's own transaction (a chat delivery to queue, a
/// reminder to cancel), so no entry is stored without what must follow it, and nothing follows an entry rolled back.
/// Features implement it; Storage only calls it.
/// </summary>
internal interface IEntryFollowUp
{
    Task FollowAsync(WriteScope scope, TimelineEntry entry, CancellationToken cancellationToken);
}
