using IncidentBot.Alerts;
using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Storage;

/// <summary>Reads for the API and the dashboard, each on its own pooled connection, beside the writer (WAL readers never wait for it).</summary>
internal sealed class IncidentQueries(Database database) : IIncidentReader
{
    public Task<Incident?> FindAsync(int number, CancellationToken cancellationToken) =>
        WithStoreAsync(store => store.FindAsync(number, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Incident>> ListAsync(bool openOnly, int limit, CancellationToken cancellationToken) =>
        WithStoreAsync(store => store.ListAsync(openOnly, limit, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Incident>> ListInStatusAsync(IncidentStatus status, int limit, CancellationToken cancellationToken) =>
        WithStoreAsync(store => store.ListInStatusAsync(status, limit, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync(int number, long afterId, int limit, CancellationToken cancellationToken) =>
        WithStoreAsync(store => store.TimelineAsync(number, afterId, limit, cancellationToken), cancellationToken);

    public Task<TimelineEntry?> EntryAsync(long id, CancellationToken cancellationToken) =>
        WithStoreAsync(store => store.EntryAsync(id, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ActionItem>> ActionItemsAsync(int number, CancellationToken cancellationToken) =>
        WithStoreAsync(store => store.ActionItemsAsync(number, cancellationToken), cancellationToken);

    /// <summary>The most alerts shown with one incident; the total is always given.</summary>
    public const int AlertsShown = 200;

    /// <summary>
    /// An incident with its action items, its newest alerts and, when <paramref name="withTimeline"/>, its whole timeline,
    /// read on one connection; null when there is no such incident. The timeline is read before the incident, so the
    /// incident shown is never older than the last entry shown with it: a page that then polls for later entries sees
    /// every later change.
    /// </summary>
    public async Task<IncidentDetail?> DetailAsync(int number, bool withTimeline, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var store = new SqlIncidentStore(database, connection, null);
        IReadOnlyList<TimelineEntry> timeline = withTimeline
            ? await store.TimelineAsync(number, 0, int.MaxValue, cancellationToken).ConfigureAwait(false)
            : [];
        if (await store.FindAsync(number, cancellationToken).ConfigureAwait(false) is not { } incident)
        {
            return null;
        }

        var actions = await store.ActionItemsAsync(number, cancellationToken).ConfigureAwait(false);
        var alerts = await new SqlAlertStore(connection, null).OfIncidentAsync(number, AlertsShown, cancellationToken).ConfigureAwait(false);
        return new IncidentDetail(incident, timeline, actions, alerts);
    }

    /// <summary>Runs read-only work on a connection of its own, outside the writer's queue.</summary>
    public async Task<T> WithStoreAsync<T>(Func<SqlIncidentStore, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await read(new SqlIncidentStore(database, connection, null)).ConfigureAwait(false);
    }
}
