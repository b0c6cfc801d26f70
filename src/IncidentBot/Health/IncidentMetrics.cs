using Dapper;
using IncidentBot.Incidents;
using IncidentBot.Storage;
using Prometheus;

namespace IncidentBot.Health;

/// <summary>
/// The Prometheus registry of this host: HTTP request counts and latency, and incidents by status and severity
/// (drills left out), counted from the database at each scrape.
/// </summary>
internal sealed class IncidentMetrics
{
    public IncidentMetrics(Database database)
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        var incidents = factory.CreateGauge(
            "incidentbot_incidents", "Incidents by status and severity, drills excluded.", "status", "severity");
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
}
