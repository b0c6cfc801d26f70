namespace IncidentBot.Alerts;

/// <summary>
/// Stored alert notifications and the current state of each alert, inside the same transaction as the incident ledger.
/// Redeliveries are refused by storage itself (a unique constraint), never by a lock in one process.
/// </summary>
public interface IAlertStore
{
    /// <summary>Stores a notification and returns its id; null when the same source, fingerprint, status and start are already stored.</summary>
    Task<long?> AddAsync(Alert alert, string groupKey, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>Records what became of stored notifications.</summary>
    Task DecideAsync(IReadOnlyCollection<long> ids, AlertDecision decision, int? incidentNumber, CancellationToken cancellationToken);

    /// <summary>The incident the alert last belonged to, open or not; null when it never joined one.</summary>
    Task<int?> IncidentOfAlertAsync(string source, string fingerprint, CancellationToken cancellationToken);

    /// <summary>The newest open incident holding an alert with <paramref name="groupKey"/>.</summary>
    Task<int?> OpenIncidentOfGroupAsync(string groupKey, CancellationToken cancellationToken);

    /// <summary>Keeps the alert's current state: its incident, its group key, firing or resolved.</summary>
    Task TrackAsync(Alert alert, string groupKey, int incidentNumber, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many alerts of the incident are still firing.</summary>
    Task<int> FiringCountAsync(int incidentNumber, CancellationToken cancellationToken);

    /// <summary>How many incidents alerts opened at or after <paramref name="since"/>, and the newest of them still open.</summary>
    Task<(int Count, int? NewestOpen)> OpenedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
