using System.Data.Common;
using Dapper;
using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Storage;

/// <summary>
/// Incidents, timeline and action items over one open connection; inside <paramref name="transaction"/> when writing,
/// where an incident read is locked until commit on databases shared by several instances. Writes take their hot
/// statements from the writer's <paramref name="statements"/>, kept prepared on its connection.
/// </summary>
internal sealed class SqlIncidentStore(
    Database database, DbConnection connection, DbTransaction? transaction, PreparedStatements? statements = null)
    : IIncidentLedger
{

    private const string IncidentColumns = """
        number, title, severity, status, is_private, is_drill, declared_by, commander, scribe, comms,
        started_at, detected_at, declared_at, acknowledged_at, mitigated_at, resolved_at, updated_at
        """;

    public async Task<Incident?> FindAsync(int number, CancellationToken cancellationToken)
    {
        if (transaction is null)
        {
            var row = await connection.QuerySingleOrDefaultAsync<IncidentRow>(Command(
                $"SELECT {IncidentColumns} FROM incidents WHERE number = @number", new { number }, cancellationToken)).ConfigureAwait(false);
            return row?.ToIncident();
        }

        // Inside a write: every batch reads its incidents, so the statement is kept.
        var find = Statements.For($"SELECT {IncidentColumns} FROM incidents WHERE number = @number{database.LockRowsForUpdate}", transaction, "number");
        PreparedStatements.Bind(find, number);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetRowParser<IncidentRow>()(reader).ToIncident() : null;
    }

    public async Task<IReadOnlyList<Incident>> ListAsync(bool openOnly, int limit, CancellationToken cancellationToken)
    {
        var sql = openOnly
            ? $"SELECT {IncidentColumns} FROM incidents WHERE status <> 'resolved' ORDER BY number DESC LIMIT @limit"
            : $"SELECT {IncidentColumns} FROM incidents ORDER BY number DESC LIMIT @limit";
        var rows = await connection.QueryAsync<IncidentRow>(Command(sql, new { limit }, cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToIncident()).ToList();
    }

    /// <summary>The newest incidents in one status, newest first.</summary>
    public async Task<IReadOnlyList<Incident>> ListInStatusAsync(IncidentStatus status, int limit, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<IncidentRow>(Command(
            $"SELECT {IncidentColumns} FROM incidents WHERE status = @status ORDER BY number DESC LIMIT @limit",
            new { status = status.Name(), limit }, cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToIncident()).ToList();
    }

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(int number, long afterId, int limit, CancellationToken cancellationToken)
    {
        // Paged by id (a page ends at the highest id it holds, and the next starts after it), shown in time order: a
        // pinned message keeps its own time, so time order and id order differ.
        var rows = await connection.QueryAsync<TimelineRow>(Command("""
            SELECT id, incident_number, at, actor, kind, text, source_key, link FROM (
                SELECT id, incident_number, at, actor, kind, text, source_key, link
                FROM timeline_entries WHERE incident_number = @number AND id > @afterId ORDER BY id LIMIT @limit
            ) AS page ORDER BY at, id
            """, new { number, afterId, limit }, cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToEntry()).ToList();
    }

    /// <summary>One timeline entry by its id; null when there is none.</summary>
    public async Task<TimelineEntry?> EntryAsync(long id, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<TimelineRow>(Command(
            "SELECT id, incident_number, at, actor, kind, text, source_key, link FROM timeline_entries WHERE id = @id",
            new { id }, cancellationToken)).ConfigureAwait(false))?.ToEntry();

    public async Task<IReadOnlyList<ActionItem>> ActionItemsAsync(int number, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ActionItemRow>(Command("""
            SELECT id, incident_number, text, owner, due, is_done, created_by, created_at, kind
            FROM action_items WHERE incident_number = @number ORDER BY id
            """, new { number }, cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToItem()).ToList();
    }

    public async Task<int> NextNumberAsync(CancellationToken cancellationToken)
    {
        if (database.SerializeNumbering is { } serialize)
        {
            await connection.ExecuteAsync(Command(serialize, null, cancellationToken)).ConfigureAwait(false);
        }

        return await connection.ExecuteScalarAsync<int>(Command("SELECT COALESCE(MAX(number), 0) + 1 FROM incidents", null, cancellationToken))
            .ConfigureAwait(false);
    }

    public Task InsertAsync(Incident incident, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command($"""
            INSERT INTO incidents ({IncidentColumns})
            VALUES (@Number, @Title, @Severity, @Status, @IsPrivate, @IsDrill, @DeclaredBy, @Commander, @Scribe, @Comms,
                    @StartedAt, @DetectedAt, @DeclaredAt, @AcknowledgedAt, @MitigatedAt, @ResolvedAt, @UpdatedAt)
            """, Parameters(incident), cancellationToken));

    public async Task UpdateAsync(Incident incident, CancellationToken cancellationToken)
    {
        var changed = await connection.ExecuteAsync(Command("""
            UPDATE incidents SET title = @Title, severity = @Severity, status = @Status, is_private = @IsPrivate,
                is_drill = @IsDrill, commander = @Commander, scribe = @Scribe, comms = @Comms, started_at = @StartedAt,
                detected_at = @DetectedAt, declared_at = @DeclaredAt, acknowledged_at = @AcknowledgedAt,
                mitigated_at = @MitigatedAt, resolved_at = @ResolvedAt, updated_at = @UpdatedAt
            WHERE number = @Number
            """, Parameters(incident), cancellationToken)).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new InvalidOperationException($"{incident.Key} is not stored.");
        }
    }

    public async Task<TimelineEntry?> AppendAsync(TimelineEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var append = Statements.For("""
            INSERT INTO timeline_entries (incident_number, at, actor, kind, text, source_key, link)
            VALUES (@incident, @at, @actor, @kind, @text, @source_key, @link)
            ON CONFLICT DO NOTHING
            RETURNING id
            """, transaction, "incident", "at", "actor", "kind", "text", "source_key", "link");
        var at = Instants.Format(entry.At);
        PreparedStatements.Bind(append, entry.IncidentNumber, at, entry.Actor, entry.Kind.Name(), entry.Text, entry.SourceKey, entry.Link);
        if (await append.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not { } id || id is DBNull)
        {
            return null;
        }

        return entry with { Id = Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture) };
    }

    private PreparedStatements Statements =>
        statements ?? throw new InvalidOperationException("Writes go through the database writer, which keeps their statements prepared.");

    public async Task<ActionItem> AddActionItemAsync(ActionItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var id = await connection.ExecuteScalarAsync<long>(Command("""
            INSERT INTO action_items (incident_number, text, owner, due, is_done, created_by, created_at, kind)
            VALUES (@IncidentNumber, @Text, @Owner, @Due, @IsDone, @CreatedBy, @CreatedAt, @Kind)
            RETURNING id
            """, new { item.IncidentNumber, item.Text, item.Owner, item.Due, item.IsDone, item.CreatedBy, item.CreatedAt, Kind = item.Kind?.Name() },
            cancellationToken)).ConfigureAwait(false);
        return item with { Id = id };
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    private static object Parameters(Incident i) => new
    {
        i.Number,
        i.Title,
        Severity = (int)i.Severity,
        Status = i.Status.Name(),
        i.IsPrivate,
        i.IsDrill,
        i.DeclaredBy,
        i.Commander,
        i.Scribe,
        i.Comms,
        i.StartedAt,
        i.DetectedAt,
        i.DeclaredAt,
        i.AcknowledgedAt,
        i.MitigatedAt,
        i.ResolvedAt,
        i.UpdatedAt,
    };

    private sealed class IncidentRow
    {
        public long Number { get; init; }
        public string Title { get; init; } = "";
        public long Severity { get; init; }
        public string Status { get; init; } = "";
        public bool IsPrivate { get; init; }
        public bool IsDrill { get; init; }
        public string DeclaredBy { get; init; } = "";
        public string? Commander { get; init; }
        public string? Scribe { get; init; }
        public string? Comms { get; init; }
        public DateTimeOffset StartedAt { get; init; }
        public DateTimeOffset DetectedAt { get; init; }
        public DateTimeOffset DeclaredAt { get; init; }
        public DateTimeOffset? AcknowledgedAt { get; init; }
        public DateTimeOffset? MitigatedAt { get; init; }
        public DateTimeOffset? ResolvedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public Incident ToIncident() => Incident.Restore(new IncidentState(
            (int)Number, Title, (Severity)Severity,
            IncidentStatusText.TryParse(Status, out var status) ? status : throw new FormatException($"Unknown status '{Status}'."),
            IsPrivate, IsDrill, DeclaredBy, Commander, Scribe, Comms,
            StartedAt, DetectedAt, DeclaredAt, AcknowledgedAt, MitigatedAt, ResolvedAt, UpdatedAt));
    }

    private sealed class ActionItemRow
    {
        public long Id { get; init; }
        public long IncidentNumber { get; init; }
        public string Text { get; init; } = "";
        public string? Owner { get; init; }
        public DateOnly? Due { get; init; }
        public bool IsDone { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public string? Kind { get; init; }

        public ActionItem ToItem() => new(
            Id, (int)IncidentNumber, Text, Owner, Due, IsDone, CreatedBy, CreatedAt,
            Kind is null ? null : ActionKindText.TryParse(Kind, out var kind) ? kind : throw new FormatException($"Unknown action kind '{Kind}'."));
    }
}
