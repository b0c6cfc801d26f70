namespace IncidentBot.Alerts;

/// <summary>
/// Stored alert notifications and the current state of each alert, inside the same transaction as the incident ledger.
/// Redeliveries are refused by storage itself (a unique constraint), never by a lock in one process. The methods
/// take a whole delivery at once, so a storm costs a few statements, not a few per alert.
/// </summary>
public interface IAlertStore
{
    /// <summary>
    /// Stores the notifications and returns their ids, in order; null for one whose source, fingerprint, status and
    /// start are already stored (or appear earlier in the same list).
    /// </summary>
    Task<IReadOnlyList<long?>> AddAsync(IReadOnlyList<Alert> alerts, IReadOnlyList<string> groupKeys, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>Records what became of stored notifications.</summary>
    Task DecideAsync(IReadOnlyCollection<long> ids, AlertDecision decision, int? incidentNumber, CancellationToken cancellationToken);

    /// <summary>The incident each alert last belonged to, open or not; alerts that never joined one are left out.</summary>
    Task<IReadOnlyDictionary<AlertKey, int>> IncidentsOfAlertsAsync(IReadOnlyCollection<AlertKey> alerts, CancellationToken cancellationToken);

    /// <summary>The newest open incident holding an alert with <paramref name="groupKey"/>.</summary>
    Task<int?> OpenIncidentOfGroupAsync(string groupKey, CancellationToken cancellationToken);

    /// <summary>Keeps each alert's current state: its incident, its group key, firing or resolved.</summary>
    Task TrackAsync(IReadOnlyCollection<AlertState> states, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many alerts of the incident are still firing.</summary>
    Task<int> FiringCountAsync(int incidentNumber, CancellationToken cancellationToken);

    /// <summary>How many incidents alerts opened at or after <paramref name="since"/>, and the newest of them still open.</summary>
    Task<(int Count, int? NewestOpen)> OpenedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>What names one alert across its notifications.</summary>
public readonly record struct AlertKey(string Source, string Fingerprint);

/// <summary>Where an alert stands now.</summary>
public sealed record AlertState(AlertKey Alert, int IncidentNumber, string GroupKey, AlertStatus Status);
