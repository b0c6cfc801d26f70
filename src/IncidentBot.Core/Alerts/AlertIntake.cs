using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Alerts;

/// <summary>
/// Takes one webhook delivery's alerts, inside one transaction: stores each notification once, and routes each new
/// one. A firing alert joins the open incident it already belongs to, or the open incident of its group, or opens
/// one (as <c>declare</c> does, with the alert's instants); a resolved alert is noted in its incident, and when the
/// last alert of an open incident resolves the room is told so (and a rule may resolve the incident).
/// </summary>
public static class AlertIntake
{
    public static async Task<IntakeOutcome> ReceiveAsync(
        IIncidentLedger ledger,
        IAlertStore store,
        IReadOnlyList<Alert> alerts,
        AlertPolicy policy,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(policy);
        var run = new IntakeRun(ledger, store, policy, Instants.Truncate(now), cancellationToken);

        // Earliest first: the alert that opens an incident gives it its start.
        await run.TakeAllAsync(alerts.OrderBy(a => a.StartsAt).ToList()).ConfigureAwait(false);

        return await run.FinishAsync(alerts.Count).ConfigureAwait(false);
    }
}
