using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace IncidentBot.Alerts;

/// <summary>Alert notifications and alert states over one open connection; inside <paramref name="transaction"/> when writing.</summary>
internal sealed class SqliteAlertStore(DbConnection connection, DbTransaction? transaction) : IAlertStore
{
    public Task<long?> AddAsync(Alert alert, string groupKey, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return connection.ExecuteScalarAsync<long?>(Command("""
            INSERT INTO alerts (source, fingerprint, status, starts_at, ends_at, detected_at, title, level, labels,
                                description, runbook_url, source_url, group_key, received_at)
            VALUES (@Source, @Fingerprint, @Status, @StartsAt, @EndsAt, @DetectedAt, @Title, @Level, @Labels,
                    @Description, @RunbookUrl, @SourceUrl, @groupKey, @receivedAt)
            ON CONFLICT (source, fingerprint, status, starts_at) DO NOTHING
            RETURNING id
            """, new
        {
            alert.Source, alert.Fingerprint, Status = alert.Status.Name(), alert.StartsAt, alert.EndsAt, alert.DetectedAt, alert.Title,
            Level = alert.Level.Name(), Labels = JsonSerializer.Serialize(alert.Labels), alert.Description, alert.RunbookUrl,
            alert.SourceUrl, groupKey, receivedAt,
        }, cancellationToken));
    }

    public async Task DecideAsync(IReadOnlyCollection<long> ids, AlertDecision decision, int? incidentNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);

        // In chunks, well under SQLite's limit on parameters per statement.
        foreach (var chunk in ids.Chunk(500))
        {
            await connection.ExecuteAsync(Command(
                "UPDATE alerts SET decision = @decision, incident_number = @incidentNumber WHERE id IN @chunk",
                new { chunk, decision = decision.Name(), incidentNumber }, cancellationToken)).ConfigureAwait(false);
        }
    }

    public Task<int?> IncidentOfAlertAsync(string source, string fingerprint, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<int?>(Command(
            "SELECT incident_number FROM alert_states WHERE source = @source AND fingerprint = @fingerprint",
            new { source, fingerprint }, cancellationToken));

    public Task<int?> OpenIncidentOfGroupAsync(string groupKey, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<int?>(Command("""
            SELECT s.incident_number FROM alert_states s JOIN incidents i ON i.number = s.incident_number
            WHERE s.group_key = @groupKey AND i.status <> 'resolved'
            ORDER BY s.incident_number DESC LIMIT 1
            """, new { groupKey }, cancellationToken));

    public Task TrackAsync(Alert alert, string groupKey, int incidentNumber, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return connection.ExecuteAsync(Command("""
            INSERT INTO alert_states (source, fingerprint, incident_number, group_key, status, updated_at)
            VALUES (@Source, @Fingerprint, @incidentNumber, @groupKey, @Status, @now)
            ON CONFLICT (source, fingerprint) DO UPDATE SET
                incident_number = excluded.incident_number, group_key = excluded.group_key,
                status = excluded.status, updated_at = excluded.updated_at
            """, new { alert.Source, alert.Fingerprint, incidentNumber, groupKey, Status = alert.Status.Name(), now }, cancellationToken));
    }

    public Task<int> FiringCountAsync(int incidentNumber, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<int>(Command(
            "SELECT COUNT(*) FROM alert_states WHERE incident_number = @incidentNumber AND status = 'firing'",
            new { incidentNumber }, cancellationToken));

    public async Task<(int Count, int? NewestOpen)> OpenedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleAsync<(long Count, long? Newest)>(Command("""
            SELECT COUNT(DISTINCT incident_number),
                   (SELECT MAX(a.incident_number) FROM alerts a JOIN incidents i ON i.number = a.incident_number
                    WHERE a.decision = 'opened' AND a.received_at >= @since AND i.status <> 'resolved')
            FROM alerts WHERE decision = 'opened' AND received_at >= @since
            """, new { since }, cancellationToken)).ConfigureAwait(false);
        return ((int)row.Count, (int?)row.Newest);
    }

    /// <summary>The alert notifications of an incident, oldest first, up to <paramref name="limit"/>.</summary>
    public async Task<IncidentAlerts> OfIncidentAsync(int incidentNumber, int limit, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<AlertRow>(Command("""
            SELECT id, source, fingerprint, status, starts_at, ends_at, detected_at, title, level, labels, description,
                   runbook_url, source_url, group_key, received_at, decision, incident_number
            FROM alerts WHERE incident_number = @incidentNumber ORDER BY id LIMIT @limit
            """, new { incidentNumber, limit }, cancellationToken)).ConfigureAwait(false);
        var total = await connection.ExecuteScalarAsync<int>(Command(
            "SELECT COUNT(*) FROM alerts WHERE incident_number = @incidentNumber", new { incidentNumber }, cancellationToken)).ConfigureAwait(false);
        return new IncidentAlerts(rows.Select(r => r.ToStored()).ToList(), total);
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    private sealed class AlertRow
    {
        public long Id { get; init; }
        public string Source { get; init; } = "";
        public string Fingerprint { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset StartsAt { get; init; }
        public DateTimeOffset? EndsAt { get; init; }
        public DateTimeOffset? DetectedAt { get; init; }
        public string Title { get; init; } = "";
        public string Level { get; init; } = "";
        public string Labels { get; init; } = "{}";
        public string? Description { get; init; }
        public string? RunbookUrl { get; init; }
        public string? SourceUrl { get; init; }
        public string GroupKey { get; init; } = "";
        public DateTimeOffset ReceivedAt { get; init; }
        public string? Decision { get; init; }
        public long? IncidentNumber { get; init; }

        public StoredAlert ToStored()
        {
            var alert = new Alert(
                Source, Fingerprint,
                AlertStatusText.TryParse(Status, out var status) ? status : throw new FormatException($"Unknown alert status '{Status}'."),
                Title, AlertLevelText.ParseOr(Level, AlertLevel.Warning), StartsAt, EndsAt,
                JsonSerializer.Deserialize<Dictionary<string, string>>(Labels) ?? [],
                Description, RunbookUrl, SourceUrl, DetectedAt);
            return new StoredAlert(Id, alert, GroupKey, Decision is null ? null : AlertDecisionText.Parse(Decision), (int?)IncidentNumber, ReceivedAt);
        }
    }
}
