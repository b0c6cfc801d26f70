using IncidentBot.Jobs;
using IncidentBot.Storage;
using IncidentBot.Timeline;

namespace IncidentBot.Chat;

/// <summary>
/// Every stored timeline entry becomes one delivery job per chat platform, in the entry's transaction. Its lane is the
/// incident's room on that platform, so a room's messages arrive in the order they were written, and rooms never wait
/// for each other; its key is the entry, so an entry is delivered once.
/// </summary>
internal sealed class ChatFollowUp(ChatPlatforms platforms) : IEntryFollowUp
{
    public async Task FollowAsync(WriteScope scope, TimelineEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var platform in platforms.All)
        {
            await JobStore.EnqueueAsync(scope, ChatDelivery.Request(platform.Name, entry), cancellationToken).ConfigureAwait(false);
        }
    }
}
