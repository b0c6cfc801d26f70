using IncidentBot.Timeline;

namespace IncidentBot.Incidents;

/// <summary>Reads incidents, timelines and action items from storage.</summary>
public interface IIncidentReader
{
    Task<Incident?> FindAsync(int number, CancellationToken cancellationToken);

    /// <summary>Newest first; only open ones when <paramref name="openOnly"/>.</summary>
    Task<IReadOnlyList<Incident>> ListAsync(bool openOnly, int limit, CancellationToken cancellationToken);

    /// <summary>Oldest first, the entries stored after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<TimelineEntry>> TimelineAsync(int number, long afterId, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<ActionItem>> ActionItemsAsync(int number, CancellationToken cancellationToken);
}
