using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Storage;

/// <summary>
/// The ledger of one write batch: incidents read once per batch and kept (a burst of notes on one incident reads it
/// once), every write passed straight through, and every stored entry handed to the features that follow it up in the
/// same transaction. Lives only as long as its transaction; thrown away with it on failure.
/// </summary>
internal sealed class BatchLedger(IIncidentLedger store, WriteBatch batch, IReadOnlyList<IEntryFollowUp> followUps, TimeProvider time) : IIncidentLedger
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

    public async Task<TimelineEntry?> AppendAsync(TimelineEntry entry, CancellationToken cancellationToken)
    {
        var stored = await store.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        if (stored is not null && followUps.Count > 0)
        {
            var scope = new WriteScope(batch, this, time.GetUtcNow());
            foreach (var followUp in followUps)
            {
                await followUp.FollowAsync(scope, stored, cancellationToken).ConfigureAwait(false);
            }
        }

        return stored;
    }

    public Task<ActionItem> AddActionItemAsync(ActionItem item, CancellationToken cancellationToken) =>
        store.AddActionItemAsync(item, cancellationToken);
}
