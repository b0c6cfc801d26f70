using System.Data.Common;
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
        return await OfIncidentAsync(connection, incidentNumber, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The alerts of an incident, read on a connection the caller already has open.</summary>
    public static Task<IncidentAlerts> OfIncidentAsync(DbConnection connection, int incidentNumber, CancellationToken cancellationToken) =>
        new SqlAlertStore(connection, null).OfIncidentAsync(incidentNumber, ShownLimit, cancellationToken);
}
