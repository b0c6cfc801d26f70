using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Storage;

/// <summary>
/// The ledger of one write batch: incidents read once per batch and kept (a burst of notes on one incident reads it
/// once), every write passed straight through. Lives only as long as its transaction; thrown away with it on failure.
/// </summary>
internal sealed class BatchLedger(IIncidentLedger store) : IIncidentLedger
{
    private readonly Dictionary<int, Incident> _incidents = [];

    public async Task<Incident?> FindAsync(int number, CancellationToken cancellationToken)
    {
        if (_incidents.TryGetValue(number, out var known))
        {
            return known;
        }

        var found = await store.FindAsync(number, cancellationToken).ConfigureAwait(false);
        if (found is not null)
        {
            _incidents[number] = found;
        }

        return found;
    }

    public Task<IReadOnlyList<Incident>> ListAsync(bool openOnly, int limit, CancellationToken cancellationToken) =>
        store.ListAsync(openOnly, limit, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync(int number, long afterId, int limit, CancellationToken cancellationToken) =>
        store.TimelineAsync(number, afterId, limit, cancellationToken);

    public Task<IReadOnlyList<ActionItem>> ActionItemsAsync(int number, CancellationToken cancellationToken) =>
        store.ActionItemsAsync(number, cancellationToken);

    public Task<int> NextNumberAsync(CancellationToken cancellationToken) => store.NextNumberAsync(cancellationToken);

    public async Task InsertAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        await store.InsertAsync(incident, cancellationToken).ConfigureAwait(false);
        _incidents[incident.Number] = incident;
    }

    public async Task UpdateAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        await store.UpdateAsync(incident, cancellationToken).ConfigureAwait(false);
        _incidents[incident.Number] = incident;
    }

    public Task<TimelineEntry?> AppendAsync(TimelineEntry entry, CancellationToken cancellationToken) =>
        store.AppendAsync(entry, cancellationToken);

    public Task<ActionItem> AddActionItemAsync(ActionItem item, CancellationToken cancellationToken) =>
        store.AddActionItemAsync(item, cancellationToken);
}
