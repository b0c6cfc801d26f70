using IncidentBot.Timeline;

namespace IncidentBot.Incidents;

/// <summary>
/// Writes inside one storage transaction: everything a command does is stored together or not at all. Reads
/// through it see the transaction's own writes.
/// </summary>
public interface IIncidentLedger : IIncidentReader
{
    /// <summary>The number the next declared incident gets: one more than the highest so far.</summary>
    Task<int> NextNumberAsync(CancellationToken cancellationToken);

    Task InsertAsync(Incident incident, CancellationToken cancellationToken);

    Task UpdateAsync(Incident incident, CancellationToken cancellationToken);

    /// <summary>Stores an entry and returns it with its id; null when an entry with its source key is already stored.</summary>
    Task<TimelineEntry?> AppendAsync(TimelineEntry entry, CancellationToken cancellationToken);

    Task<ActionItem> AddActionItemAsync(ActionItem item, CancellationToken cancellationToken);
}
