using Dapper;
using IncidentBot.Storage;
using IncidentBot.Timeline;

namespace IncidentBot.Jobs;

/// <summary>
/// The jobs table. Enqueueing and cancelling happen inside the writer's transaction of the change that causes them
/// (<see cref="EnqueueAsync(WriteScope, JobRequest, CancellationToken)"/>); the runner's claims, outcomes and heartbeats
/// go through the writer too, so SQLite keeps one writer; reads for operators use a pooled connection.
/// </summary>
internal sealed class JobStore(Database database, DatabaseWriter writer)
{
    private const string Columns = "id, kind, key, lane, payload, attempts, refusals, runs, progress, created_at";

    /// <summary>Stores <paramref name="job"/> in the caller's transaction; false when a job with its key exists already.</summary>
    public static async Task<bool> EnqueueAsync(WriteScope scope, JobRequest job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(job);
        var insert = scope.Batch.Statements.For("""
            INSERT INTO jobs (kind, key, lane, payload, due_at, created_at) VALUES (@kind, @key, @lane, @payload, @due, @now)
            ON CONFLICT (key) DO NOTHING
            """, scope.Transaction, "kind", "key", "lane", "payload", "due", "now");
        var now = Instants.Format(scope.Now);
        PreparedStatements.Bind(insert, job.Kind, job.Key, job.Lane, job.Payload, job.DueAt is { } due ? Instants.Format(due) : now, now);
        var stored = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        if (stored)
        {
            scope.Batch.RingOnCommit();
        }

        return stored;
    }

    /// <summary>
    /// Stores <paramref name="job"/>, or re-arms the job of the same key with this payload and due time when it is not
    /// running: a reminder moved to later, or wanted again after it fired or was cancelled. For jobs without a lane.
    /// </summary>
    public static async Task ScheduleAsync(WriteScope scope, JobRequest job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(job);
        await scope.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO jobs (kind, key, lane, payload, due_at, created_at) VALUES (@Kind, @Key, @Lane, @Payload, @due, @now)
            ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, payload = excluded.payload, due_at = excluded.due_at,
                state = 'pending', attempts = 0, refusals = 0, runs = 0, progress = 0, last_error = NULL, finished_at = NULL
            WHERE jobs.lease_owner IS NULL
            """, new { job.Kind, job.Key, job.Lane, job.Payload, due = job.DueAt ?? scope.Now, now = scope.Now }, scope.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        scope.Batch.RingOnCommit();
    }

    /// <summary>Cancels the pending job of <paramref name="key"/> in the caller's transaction, so it never runs; false when there is none.</summary>
    public static async Task<bool> CancelAsync(WriteScope scope, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await scope.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET state = 'cancelled', finished_at = @Now WHERE key = @key AND state = 'pending'",
            new { key, scope.Now }, scope.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    /// <summary>Marks a claimed job done in the caller's transaction.</summary>
    public static Task FinishAsync(WriteScope scope, long id, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.ExecuteAsync(new CommandDefinition("""
            UPDATE jobs SET state = 'done', finished_at = @Now, last_error = NULL, lease_owner = NULL, lease_until = NULL
            WHERE id = @id AND lease_owner = @owner AND state = 'pending'
            """, new { id, owner, scope.Now }, scope.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Enqueues in a write of its own; false when a job with its key exists already.</summary>
    public Task<bool> EnqueueAsync(JobRequest job, CancellationToken cancellationToken) =>
        writer.WriteAsync((scope, ct) => EnqueueAsync(scope, job, ct), cancellationToken);

    /// <summary>Cancels by key in a write of its own.</summary>
    public Task<bool> CancelAsync(string key, CancellationToken cancellationToken) =>
        writer.WriteAsync((scope, ct) => CancelAsync(scope, key, ct), cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="limit"/> due jobs to <paramref name="owner"/>: each is pending, due, not leased by a
    /// live runner, and the oldest pending job of its lane. On PostgreSQL rows another instance is claiming are skipped.
    /// </summary>
    public Task<IReadOnlyList<Job>> ClaimAsync(string owner, int limit, TimeSpan lease, TimeSpan deadAfter, CancellationToken cancellationToken) =>
        writer.WriteAsync<IReadOnlyList<Job>>(async (scope, ct) =>
        {
            var rows = await scope.Connection.QueryAsync<JobRow>(new CommandDefinition($"""
                UPDATE jobs SET lease_owner = @owner, lease_until = @until, runs = runs + 1
                WHERE id IN (
                    SELECT j.id FROM jobs j
                    WHERE j.state = 'pending' AND j.due_at <= @now
                      AND (j.lease_owner IS NULL OR j.lease_until < @now
                           OR NOT EXISTS (SELECT 1 FROM job_runners r WHERE r.owner = j.lease_owner AND r.seen_at >= @alive))
                      AND (j.lane IS NULL OR j.id = (SELECT MIN(h.id) FROM jobs h WHERE h.lane = j.lane AND h.state = 'pending'))
                    ORDER BY j.due_at, j.id
                    LIMIT @limit{(database.Provider == "postgres" ? " FOR UPDATE SKIP LOCKED" : "")}
                )
                RETURNING {Columns}
                """, new { owner, limit, now = scope.Now, until = scope.Now + lease, alive = scope.Now - deadAfter }, scope.Transaction,
                cancellationToken: ct)).ConfigureAwait(false);
            return [.. rows.Select(r => r.ToJob()).OrderBy(j => j.Id)];
        }, cancellationToken);

    /// <summary>Records a handler's progress and renews the lease; false when the job is no longer <paramref name="owner"/>'s.</summary>
    public Task<bool> ProgressAsync(long id, string owner, int progress, TimeSpan lease, CancellationToken cancellationToken) =>
        writer.WriteAsync(async (scope, ct) => await scope.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET progress = @progress, lease_until = @until WHERE id = @id AND lease_owner = @owner AND state = 'pending'",
            new { id, owner, progress, until = scope.Now + lease }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false) == 1,
            cancellationToken);

    /// <summary>Marks claimed jobs done in one write: the runner gathers the jobs that ended while the last write ran.</summary>
    public Task FinishAsync(IReadOnlyList<long> ids, string owner, CancellationToken cancellationToken) =>
        writer.WriteAsync(async (scope, ct) =>
        {
            // PostgreSQL takes the ids as one array; Dapper spells a list out as (@ids1, @ids2, …) for SQLite.
            var among = database.Provider == "postgres" ? "id = ANY(@ids)" : "id IN @ids";
            await scope.Connection.ExecuteAsync(new CommandDefinition($"""
                UPDATE jobs SET state = 'done', finished_at = @Now, last_error = NULL, lease_owner = NULL, lease_until = NULL
                WHERE {among} AND lease_owner = @owner AND state = 'pending'
                """, new { ids = ids.ToArray(), owner, scope.Now }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
            scope.Batch.RingOnCommit();
            return true;
        }, cancellationToken);

    /// <summary>A recurring job: pending again at <paramref name="at"/>, with its counts reset.</summary>
    public Task RunAgainAsync(long id, string owner, DateTimeOffset at, CancellationToken cancellationToken) =>
        writer.WriteAsync(async (scope, ct) =>
        {
            await scope.Connection.ExecuteAsync(new CommandDefinition("""
                UPDATE jobs SET due_at = @at, attempts = 0, refusals = 0, runs = 0, progress = 0, last_error = NULL,
                    lease_owner = NULL, lease_until = NULL
                WHERE id = @id AND lease_owner = @owner AND state = 'pending'
                """, new { id, owner, at }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
            scope.Batch.RingOnCommit();
            return true;
        }, cancellationToken);

    /// <summary>Records a failed run: retried after <paramref name="delay"/>, or set aside when <paramref name="setAside"/>.</summary>
    public Task FailAsync(Job job, string owner, bool refused, string error, TimeSpan delay, bool setAside, CancellationToken cancellationToken) =>
        writer.WriteAsync(async (scope, ct) =>
        {
            await scope.Connection.ExecuteAsync(new CommandDefinition("""
                UPDATE jobs SET attempts = attempts + 1, refusals = refusals + @refusal, last_error = @error, due_at = @due,
                    state = @state, finished_at = @finished, lease_owner = NULL, lease_until = NULL
                WHERE id = @Id AND lease_owner = @owner AND state = 'pending'
                """, new
            {
                job.Id,
                owner,
                refusal = refused ? 1 : 0,
                error,
                due = scope.Now + delay,
                state = setAside ? JobState.SetAside : JobState.Pending,
                finished = setAside ? scope.Now : (DateTimeOffset?)null,
            }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
            scope.Batch.RingOnCommit();
            return true;
        }, cancellationToken);

    /// <summary>Tells the other instances <paramref name="owner"/> is alive.</summary>
    public Task BeatAsync(string owner, CancellationToken cancellationToken) =>
        writer.WriteAsync((scope, ct) => scope.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO job_runners (owner, seen_at) VALUES (@owner, @Now)
            ON CONFLICT (owner) DO UPDATE SET seen_at = excluded.seen_at
            """, new { owner, scope.Now }, scope.Transaction, cancellationToken: ct)), cancellationToken);

    /// <summary>
    /// Hands back <paramref name="owner"/>'s leases so another instance may take its jobs at once; with
    /// <paramref name="everyone"/>, every lease (one SQLite instance starting: whoever held them died with the last run).
    /// </summary>
    public Task ReleaseAsync(string owner, bool everyone, CancellationToken cancellationToken) =>
        writer.WriteAsync(async (scope, ct) =>
        {
            await scope.Connection.ExecuteAsync(new CommandDefinition(
                everyone
                    ? "UPDATE jobs SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL AND state = 'pending'"
                    : "UPDATE jobs SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = @owner AND state = 'pending'",
                new { owner }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
            await scope.Connection.ExecuteAsync(new CommandDefinition(
                everyone ? "DELETE FROM job_runners" : "DELETE FROM job_runners WHERE owner = @owner",
                new { owner }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
            scope.Batch.RingOnCommit();
            return true;
        }, cancellationToken);

    /// <summary>Deletes jobs finished before <paramref name="before"/>, and runners silent since then; returns how many jobs went.</summary>
    public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        writer.WriteAsync(async (scope, ct) =>
        {
            var purged = await scope.Connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM jobs WHERE state <> 'pending' AND finished_at < @before", new { before }, scope.Transaction, cancellationToken: ct))
                .ConfigureAwait(false);
            await scope.Connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM job_runners WHERE seen_at < @before", new { before }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
            return purged;
        }, cancellationToken);

    /// <summary>A set-aside job back to pending, due now, its refusals forgotten; false when there is no set-aside job <paramref name="id"/>.</summary>
    public Task<bool> RetryAsync(long id, CancellationToken cancellationToken) =>
        writer.WriteAsync(async (scope, ct) =>
        {
            var changed = await scope.Connection.ExecuteAsync(new CommandDefinition("""
                UPDATE jobs SET state = 'pending', due_at = @Now, refusals = 0, finished_at = NULL WHERE id = @id AND state = 'set-aside'
                """, new { id, scope.Now }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false) == 1;
            if (changed)
            {
                scope.Batch.RingOnCommit();
            }

            return changed;
        }, cancellationToken);

    /// <summary>Gives up on a set-aside job for good (kept as dropped until purged); false when there is no set-aside job <paramref name="id"/>.</summary>
    public Task<bool> DropAsync(long id, CancellationToken cancellationToken) =>
        writer.WriteAsync(async (scope, ct) => await scope.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET state = 'dropped', finished_at = @Now WHERE id = @id AND state = 'set-aside'",
            new { id, scope.Now }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false) == 1, cancellationToken);

    private sealed class JobRow
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string? Key { get; init; }
        public string? Lane { get; init; }
        public string Payload { get; init; } = "";
        public long Attempts { get; init; }
        public long Refusals { get; init; }
        public long Runs { get; init; }
        public long Progress { get; init; }
        public DateTimeOffset CreatedAt { get; init; }

        public Job ToJob() => new(Id, Kind, Key, Lane, Payload, (int)Attempts, (int)Refusals, (int)Runs, (int)Progress, CreatedAt);
    }
}
