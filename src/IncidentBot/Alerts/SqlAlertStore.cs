using System.Data.Common;
using System.Text.Json;
using Dapper;
using IncidentBot.Timeline;

namespace IncidentBot.Alerts;

/// <summary>Alert notifications and alert states over one open connection; inside <paramref name="transaction"/> when writing.</summary>
internal sealed class SqlAlertStore(DbConnection connection, DbTransaction? transaction) : IAlertStore
{
    /// <summary>Rows per multi-row statement: well under SQLite's limit on parameters per statement.</summary>
    private const int Chunk = 64;

    public async Task<IReadOnlyList<long?>> AddAsync(
        IReadOnlyList<Alert> alerts, IReadOnlyList<string> groupKeys, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(groupKeys);
        var ids = new long?[alerts.Count];
        var seen = new HashSet<(string, string, string, string)>();
        for (var offset = 0; offset < alerts.Count; offset += Chunk)
        {
            var count = Math.Min(Chunk, alerts.Count - offset);
            var parameters = new DynamicParameters();
            parameters.Add("receivedAt", Instants.Format(receivedAt));
            var rows = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                var a = alerts[offset + i];
                rows.Add($"(@s{i}, @f{i}, @st{i}, @sa{i}, @ea{i}, @da{i}, @t{i}, @l{i}, @lb{i}, @d{i}, @r{i}, @u{i}, @g{i}, @receivedAt)");
                parameters.Add($"s{i}", a.Source);
                parameters.Add($"f{i}", a.Fingerprint);
                parameters.Add($"st{i}", a.Status.Name());
                parameters.Add($"sa{i}", Instants.Format(a.StartsAt));
                parameters.Add($"ea{i}", Format(a.EndsAt));
                parameters.Add($"da{i}", Format(a.DetectedAt));
                parameters.Add($"t{i}", a.Title);
                parameters.Add($"l{i}", a.Level.Name());
                parameters.Add($"lb{i}", JsonSerializer.Serialize(a.Labels));
                parameters.Add($"d{i}", a.Description);
                parameters.Add($"r{i}", a.RunbookUrl);
                parameters.Add($"u{i}", a.SourceUrl);
                parameters.Add($"g{i}", groupKeys[offset + i]);
            }

            var inserted = await connection.QueryAsync<(long Id, string Source, string Fingerprint, string Status, string StartsAt)>(Command($"""
                INSERT INTO alerts (source, fingerprint, status, starts_at, ends_at, detected_at, title, level, labels,
                                    description, runbook_url, source_url, group_key, received_at)
                VALUES {string.Join(",\n", rows)}
                ON CONFLICT (source, fingerprint, status, starts_at) DO NOTHING
                RETURNING id, source, fingerprint, status, starts_at
                """, parameters, cancellationToken)).ConfigureAwait(false);
            var byKey = inserted.ToDictionary(r => (r.Source, r.Fingerprint, r.Status, r.StartsAt), r => r.Id);
            for (var i = 0; i < count; i++)
            {
                var a = alerts[offset + i];
                var key = (a.Source, a.Fingerprint, a.Status.Name(), Instants.Format(a.StartsAt));

                // The same notification twice in one delivery is stored once: only its first place gets the id.
                if (seen.Add(key) && byKey.TryGetValue(key, out var id))
                {
                    ids[offset + i] = id;
                }
            }
        }

        return ids;
    }

    public async Task DecideAsync(IReadOnlyCollection<long> ids, AlertDecision decision, int? incidentNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);

        // In chunks, well under SQLite's limit on parameters per statement.
        foreach (var chunk in ids.Chunk(500))
        {
            // The list spelled out, one parameter an id: Dapper's own list expansion differs between providers.
            var parameters = new DynamicParameters(new { decision = decision.Name(), incidentNumber });
            var names = chunk.Select((id, i) =>
            {
                parameters.Add($"id{i}", id);
                return $"@id{i}";
            });
            await connection.ExecuteAsync(Command(
                $"UPDATE alerts SET decision = @decision, incident_number = @incidentNumber WHERE id IN ({string.Join(", ", names)})",
                parameters, cancellationToken)).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyDictionary<AlertKey, int>> IncidentsOfAlertsAsync(IReadOnlyCollection<AlertKey> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var found = new Dictionary<AlertKey, int>();
        foreach (var chunk in alerts.Chunk(Chunk))
        {
            var parameters = new DynamicParameters();
            var pairs = chunk.Select((key, i) =>
            {
                parameters.Add($"s{i}", key.Source);
                parameters.Add($"f{i}", key.Fingerprint);
                return $"(source = @s{i} AND fingerprint = @f{i})";
            }).ToList();
            var rows = await connection.QueryAsync<(string Source, string Fingerprint, long Incident)>(Command(
                $"SELECT source, fingerprint, incident_number FROM alert_states WHERE {string.Join(" OR ", pairs)}",
                parameters, cancellationToken)).ConfigureAwait(false);
            foreach (var row in rows)
            {
                found[new AlertKey(row.Source, row.Fingerprint)] = (int)row.Incident;
            }
        }

        return found;
    }

    public Task<int?> OpenIncidentOfGroupAsync(string groupKey, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<int?>(Command("""
            SELECT s.incident_number FROM alert_states s JOIN incidents i ON i.number = s.incident_number
            WHERE s.group_key = @groupKey AND i.status <> 'resolved'
            ORDER BY s.incident_number DESC LIMIT 1
            """, new { groupKey }, cancellationToken));

    public async Task TrackAsync(IReadOnlyCollection<AlertState> states, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        foreach (var chunk in states.Chunk(Chunk))
        {
            var parameters = new DynamicParameters();
            parameters.Add("now", Instants.Format(now));
            var rows = chunk.Select((state, i) =>
            {
                parameters.Add($"s{i}", state.Alert.Source);
                parameters.Add($"f{i}", state.Alert.Fingerprint);
                parameters.Add($"n{i}", state.IncidentNumber);
                parameters.Add($"g{i}", state.GroupKey);
                parameters.Add($"st{i}", state.Status.Name());
                return $"(@s{i}, @f{i}, @n{i}, @g{i}, @st{i}, @now)";
            }).ToList();
            await connection.ExecuteAsync(Command($"""
                INSERT INTO alert_states (source, fingerprint, incident_number, group_key, status, updated_at)
                VALUES {string.Join(",\n", rows)}
                ON CONFLICT (source, fingerprint) DO UPDATE SET
                    incident_number = excluded.incident_number, group_key = excluded.group_key,
                    status = excluded.status, updated_at = excluded.updated_at
                """, parameters, cancellationToken)).ConfigureAwait(false);
        }
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

    /// <summary>
    /// Instants go in as text formatted here: <see cref="DynamicParameters"/> would pass a <see cref="DateTimeOffset"/>
    /// to SQLite in its own format, past the type handler, and break text comparison with the rest.
    /// </summary>
    private static string? Format(DateTimeOffset? at) => at is { } value ? Instants.Format(value) : null;

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
