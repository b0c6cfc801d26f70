using Dapper;
using IncidentBot.Incidents;
using IncidentBot.Storage;
using Prometheus;

namespace IncidentBot.Health;

/// <summary>
/// The Prometheus registry of this host: HTTP request counts and latency, incidents by status and severity (drills left
/// out) and the work queue's jobs by kind and state, counted from the database at each scrape, the chat steps that
/// platforms refused and the room went on without, and on SQLite the size of the write-ahead log beside its bound.
/// </summary>
internal sealed class IncidentMetrics
{
    public IncidentMetrics(Database database, Jobs.JobQueries jobs, Microsoft.Extensions.Options.IOptions<StorageOptions> storage)
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        var incidents = factory.CreateGauge(
            "incidentbot_incidents", "Incidents by status and severity, drills excluded.", "status", "severity");
        SkippedSteps = factory.CreateCounter(
            "incidentbot_chat_steps_skipped_total", "Decorative chat steps (pin, bookmark, topic, invite) a platform refused; the room went on.", "platform");
        var queued = factory.CreateGauge("incidentbot_jobs", "Jobs of the durable work queue by kind and state.", "kind", "state");
        var oldest = factory.CreateGauge("incidentbot_jobs_oldest_due_seconds", "How long the oldest due job has waited to run.");
        Registry.AddBeforeCollectCallback(async cancellationToken =>
        {
            var (counts, waited) = await jobs.CountsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (kind, state, count) in counts)
            {
                queued.WithLabels(kind, state).Set(count);
            }

            foreach (var seen in queued.GetAllLabelValues().Where(labels => !counts.Any(c => c.Kind == labels[0] && c.State == labels[1])).ToList())
            {
                queued.WithLabels(seen).Set(0);
            }

            oldest.Set(waited.TotalSeconds);
        });

        if (database.WalFile is not null)
        {
            var wal = factory.CreateGauge("incidentbot_sqlite_wal_bytes", "Size of SQLite's write-ahead log file, in bytes.");
            factory.CreateGauge("incidentbot_sqlite_wal_limit_bytes", "Storage:MaxWalMegabytes in bytes: the bound the log is checkpointed under (0: none).")
                .Set(storage.Value.MaxWalBytes);
            Registry.AddBeforeCollectCallback(() => wal.Set(WalCheckpointer.LogSize(database)));
        }

        Registry.AddBeforeCollectCallback(async cancellationToken =>
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            var counts = await connection.QueryAsync<(string Status, long Severity, long Count)>(new CommandDefinition(
                "SELECT status, severity, COUNT(*) FROM incidents WHERE NOT is_drill GROUP BY status, severity",
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            var byKey = counts.ToDictionary(c => (c.Status, (int)c.Severity), c => c.Count);
            foreach (var status in Enum.GetValues<IncidentStatus>())
            {
                foreach (var severity in Enum.GetValues<Severity>())
                {
                    incidents.WithLabels(status.Name(), severity.Label())
                        .Set(byKey.GetValueOrDefault((status.Name(), (int)severity)));
                }
            }
        });
    }

    public CollectorRegistry Registry { get; }

    public Counter SkippedSteps { get; }
}
