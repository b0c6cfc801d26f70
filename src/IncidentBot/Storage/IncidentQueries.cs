using System.Data.Common;
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

    public Task<IReadOnlyList<ActionItem>> ActionItemsAsync(int number, CancellationToken cancellationToken) =>
        WithStoreAsync(store => store.ActionItemsAsync(number, cancellationToken), cancellationToken);

    /// <summary>Runs read-only work on a connection of its own, outside the writer's queue.</summary>
    public Task<T> WithStoreAsync<T>(Func<SqlIncidentStore, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        return WithStoreAsync((store, _) => read(store), cancellationToken);
    }

    /// <summary>
    /// Runs read-only work on a connection of its own, outside the writer's queue; the connection is given too, for
    /// reads of other stores (alerts) that belong to the same answer.
    /// </summary>
    public async Task<T> WithStoreAsync<T>(Func<SqlIncidentStore, DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await read(new SqlIncidentStore(database, connection, null), connection).ConfigureAwait(false);
    }
}
