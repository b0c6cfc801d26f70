using Dapper;
using IncidentBot.Storage;
using IncidentBot.Timeline;

namespace IncidentBot.Jobs;

/// <summary>Reads of the queue for operators (the API, the dashboard, <c>/metrics</c>), on a pooled connection beside the writer.</summary>
internal sealed class JobQueries(Database database, TimeProvider time)
{
    /// <summary>
    /// Jobs in <paramref name="filter"/>'s state, oldest first, after id <paramref name="after"/>: <c>pending</c> (waiting
    /// or running), <c>failed</c> (pending, with a failure to retry) or <c>set-aside</c>.
    /// </summary>
    public async Task<IReadOnlyList<JobView>> ListAsync(string filter, long after, int limit, CancellationToken cancellationToken)
    {
        var where = filter switch
        {
            "failed" => "state = 'pending' AND attempts > 0",
            "set-aside" => "state = 'set-aside'",
            _ => "state = 'pending'",
        };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<JobView>(new CommandDefinition($"""
            SELECT id, kind, key, lane, state, due_at, attempts, refusals, last_error, lease_owner, lease_until, created_at, finished_at
            FROM jobs WHERE {where} AND id > @after ORDER BY id LIMIT @limit
            """, new { after, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows];
    }

    /// <summary>One job, whatever its state; null when there is none.</summary>
    public async Task<JobView?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<JobView>(new CommandDefinition("""
            SELECT id, kind, key, lane, state, due_at, attempts, refusals, last_error, lease_owner, lease_until, created_at, finished_at
            FROM jobs WHERE id = @id
            """, new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>How many jobs there are of each kind and state, and how long the oldest due job has waited (zero when none).</summary>
    public async Task<(IReadOnlyList<(string Kind, string State, long Count)> Counts, TimeSpan OldestDue)> CountsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var counts = await connection.QueryAsync<(string Kind, string State, long Count)>(new CommandDefinition(
            "SELECT kind, state, COUNT(*) FROM jobs GROUP BY kind, state", cancellationToken: cancellationToken)).ConfigureAwait(false);
        var oldest = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT MIN(due_at) FROM jobs WHERE state = 'pending' AND due_at <= @now", new { now }, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return ([.. counts], oldest is null ? TimeSpan.Zero : now - Instants.Parse(oldest));
    }
}

/// <summary>A job as operators see it (never its payload, which may hold a reply address or message text).</summary>
internal sealed record JobView
{
    public long Id { get; init; }
    public string Kind { get; init; } = "";
    public string? Key { get; init; }
    public string? Lane { get; init; }
    public string State { get; init; } = "";
    public DateTimeOffset DueAt { get; init; }
    public long Attempts { get; init; }
    public long Refusals { get; init; }
    public string? LastError { get; init; }
    public string? LeaseOwner { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
}
