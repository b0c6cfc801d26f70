using IncidentBot.Storage;

namespace IncidentBot.Alerts;

/// <summary>Reads of stored alerts for the dashboard and the API, on pooled read connections.</summary>
internal sealed class AlertQueries(Database database)
{
    /// <summary>The most alerts shown with one incident; the total is always given.</summary>
    public const int ShownLimit = 200;

    public async Task<IncidentAlerts> OfIncidentAsync(int incidentNumber, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await new SqlAlertStore(connection, null).OfIncidentAsync(incidentNumber, ShownLimit, cancellationToken).ConfigureAwait(false);
    }
}
