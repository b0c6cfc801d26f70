using Dapper;
using IncidentBot.Chat;
using IncidentBot.Storage;
using IncidentBot.Timeline;
using Microsoft.Extensions.Options;

namespace IncidentBot.Chat;

/// <summary>
/// Delivers the outbox: for each (platform, incident) the oldest pending row first, rooms in parallel, a failing
/// room retried with growing delays while the others go on. Rows are written with their timeline entries, so a
/// platform outage or a restart loses nothing; a row is marked delivered only after the platform accepted it.
/// Instances sharing a database lease a row before delivering it; a lease left by an instance that died expires
/// and another takes the row over, from the last step recorded.
/// </summary>
internal sealed partial class ChatOutbox(
    ChatPlatforms platforms,
    Database database,
    DatabaseWriter writer,
    IncidentQueries queries,
    RoomStore rooms,
    IOptions<ChatOptions> options,
    TimeProvider time,
    ILogger<ChatOutbox> logger) : BackgroundService
{
    /// <summary>This instance, as written on the rows it leases.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (platforms.All.Count > 0)
        {
            // Leave nothing half-held: another instance may take this one's rows at once. On a connection of its own,
            // since the writer may already have stopped taking work.
            await using var connection = await database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await connection.ExecuteAsync(
                "UPDATE chat_outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = @Owner AND state = 'pending'",
                new { Owner }).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (platforms.All.Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var delivered = 0;
            try
            {
                // Deliveries under way finish even when the host is stopping: a call cut off half-way could have
                // reached the platform, and the instance taking the row over would then post it twice.
                delivered = await DeliverDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogLoopFailed(logger, exception);
            }

            if (delivered == 0)
            {
                try
                {
                    await platforms.WaitForRingAsync(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Delivers the head row of every queue that is due; returns how many rows were attempted. Once
    /// <paramref name="stopping"/> is signalled no new delivery starts, and those under way finish.
    /// </summary>
    public async Task<int> DeliverDueAsync(CancellationToken stopping)
    {
        var heads = await DueHeadsAsync(stopping).ConfigureAwait(false);
        using var gate = new SemaphoreSlim(options.Value.Concurrency);
        await Task.WhenAll(heads.Select(async row =>
        {
            await gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                if (!stopping.IsCancellationRequested)
                {
                    await DeliverAsync(row, CancellationToken.None).ConfigureAwait(false);
                }
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return heads.Count;
    }

    private async Task<IReadOnlyList<OutboxRow>> DueHeadsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // The outbox columns, then the entry's (split at its id).
        var rows = await connection.QueryAsync<OutboxRow, TimelineRow, OutboxRow>(new CommandDefinition("""
            SELECT o.id, o.platform, o.steps_done, o.attempts,
                   e.id, e.incident_number, e.at, e.actor, e.kind, e.text, e.source_key, e.link
            FROM chat_outbox o JOIN timeline_entries e ON e.id = o.entry_id
            WHERE o.state = 'pending' AND o.next_attempt_at <= @now AND (o.lease_until IS NULL OR o.lease_until < @now)
              AND o.id = (SELECT MIN(p.id) FROM chat_outbox p
                          WHERE p.state = 'pending' AND p.platform = o.platform AND p.incident_number = o.incident_number)
            ORDER BY o.id LIMIT 64
            """, new { now = time.GetUtcNow() }, cancellationToken: cancellationToken),
            (row, entry) => row with { Entry = entry.ToEntry() }, splitOn: "id").ConfigureAwait(false);
        return [.. rows];
    }

    /// <summary>Takes the row for this instance unless another instance holds a live lease on it.</summary>
    private Task<bool> LeaseAsync(long id, CancellationToken cancellationToken) =>
        writer.WriteAsync(async (scope, ct) => await scope.Connection.ExecuteAsync(new CommandDefinition("""
            UPDATE chat_outbox SET lease_owner = @Owner, lease_until = @until
            WHERE id = @id AND state = 'pending' AND (lease_until IS NULL OR lease_until < @now OR lease_owner = @Owner)
            """, new { id, Owner, now = scope.Now, until = scope.Now.AddSeconds(options.Value.LeaseSeconds) }, scope.Transaction,
            cancellationToken: ct)).ConfigureAwait(false) == 1, cancellationToken);

    private async Task DeliverAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        if (!await LeaseAsync(row.Id, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var platform = platforms.Find(row.Platform);
        var incident = await queries.FindAsync(row.Entry.IncidentNumber, cancellationToken).ConfigureAwait(false);
        if (platform is null || incident is null)
        {
            await FinishAsync(row.Id, "failed", platform is null ? $"platform {row.Platform} is off" : "incident missing", cancellationToken).ConfigureAwait(false);
            return;
        }

        var room = await rooms.FindAsync(incident.Number, platform.Name, cancellationToken).ConfigureAwait(false);
        var progress = new Progress(writer, rooms, row.Id, Owner, TimeSpan.FromSeconds(options.Value.LeaseSeconds));
        try
        {
            await platform.DeliverAsync(new Delivery(row.Id, incident, row.Entry, room, (int)row.StepsDone), progress, cancellationToken)
                .ConfigureAwait(false);
            await FinishAsync(row.Id, "delivered", null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RetryLaterAsync(row, exception, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RetryLaterAsync(OutboxRow row, Exception exception, CancellationToken cancellationToken)
    {
        var attempts = (int)row.Attempts + 1;
        var failure = exception as ChatDeliveryException;
        var giveUp = failure is { Refused: true } && attempts >= options.Value.MaxAttemptsOnRefusal;
        var backoff = TimeSpan.FromMilliseconds(options.Value.RetryBaseDelayMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 16)));
        var delay = failure?.RetryAfter is { } hinted && hinted > backoff ? hinted : backoff;
        delay = delay > TimeSpan.FromSeconds(options.Value.RetryMaxDelaySeconds) ? TimeSpan.FromSeconds(options.Value.RetryMaxDelaySeconds) : delay;
        var error = exception is ChatDeliveryException ? exception.Message : exception.GetType().Name + ": " + exception.Message;
        LogDeliveryFailed(logger, row.Platform, row.Entry.IncidentNumber, row.Entry.Id, attempts, giveUp, error);
        await writer.WriteAsync((scope, ct) => scope.Connection.ExecuteAsync(new CommandDefinition("""
            UPDATE chat_outbox SET attempts = @attempts, last_error = @error, next_attempt_at = @next,
                state = CASE WHEN @giveUp THEN 'failed' ELSE state END, lease_owner = NULL, lease_until = NULL
            WHERE id = @Id AND lease_owner = @Owner
            """, new { row.Id, Owner, attempts, error, next = scope.Now + delay, giveUp }, scope.Transaction, cancellationToken: ct)),
            cancellationToken).ConfigureAwait(false);
    }

    private Task<int> FinishAsync(long id, string state, string? error, CancellationToken cancellationToken) =>
        writer.WriteAsync((scope, ct) => scope.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE chat_outbox SET state = @state, last_error = @error, delivered_at = @now, lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @Owner",
            new { id, Owner, state, error, now = scope.Now }, scope.Transaction, cancellationToken: ct)), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Delivery to {Platform} of INC-{Incident} entry {Entry} failed (attempt {Attempt}, set aside: {GaveUp}): {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, string platform, int incident, long entry, int attempt, bool gaveUp, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The chat outbox loop failed; it goes on")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    private sealed class Progress(DatabaseWriter writer, RoomStore rooms, long id, string owner, TimeSpan lease) : IDeliveryProgress
    {
        /// <summary>Records the step and renews the lease; a row no longer ours (the lease ran out and was taken) stops this delivery.</summary>
        public async Task StepDoneAsync(int stepsDone, CancellationToken cancellationToken)
        {
            var renewed = await writer.WriteAsync((scope, ct) => scope.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE chat_outbox SET steps_done = @stepsDone, lease_until = @until WHERE id = @id AND lease_owner = @owner",
                new { id, stepsDone, owner, until = scope.Now + lease }, scope.Transaction, cancellationToken: ct)), cancellationToken).ConfigureAwait(false);
            if (renewed != 1)
            {
                throw new ChatDeliveryException("Another instance took this delivery over.", refused: false);
            }
        }

        public Task RoomOpenedAsync(Room room, CancellationToken cancellationToken) => rooms.SaveAsync(room, cancellationToken);
    }

    private sealed record OutboxRow
    {
        public long Id { get; init; }
        public string Platform { get; init; } = "";
        public long StepsDone { get; init; }
        public long Attempts { get; init; }
        public TimelineEntry Entry { get; init; } = null!;
    }
}
