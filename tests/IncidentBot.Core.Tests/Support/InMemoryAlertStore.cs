using IncidentBot.Alerts;
using IncidentBot.Incidents;

namespace IncidentBot.Support;

/// <summary>The alert store port, kept in memory beside an <see cref="InMemoryIncidentLedger"/> whose incidents it joins.</summary>
public sealed class InMemoryAlertStore(InMemoryIncidentLedger ledger) : IAlertStore
{
    private readonly List<StoredAlert> _alerts = [];
    private readonly Dictionary<AlertKey, (int Incident, string GroupKey, AlertStatus Status)> _states = [];

    public IReadOnlyList<StoredAlert> Alerts => _alerts;

    public Task<IReadOnlyList<long?>> AddAsync(
        IReadOnlyList<Alert> alerts, IReadOnlyList<string> groupKeys, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var ids = new List<long?>();
        for (var i = 0; i < alerts.Count; i++)
        {
            var alert = alerts[i];
            if (_alerts.Any(a => a.Alert.Source == alert.Source && a.Alert.Fingerprint == alert.Fingerprint &&
                                 a.Alert.Status == alert.Status && a.Alert.StartsAt == alert.StartsAt))
            {
                ids.Add(null);
                continue;
            }

            var stored = new StoredAlert(_alerts.Count + 1, alert, groupKeys[i], null, null, receivedAt);
            _alerts.Add(stored);
            ids.Add(stored.Id);
        }

        return Task.FromResult<IReadOnlyList<long?>>(ids);
    }

    public Task DecideAsync(IReadOnlyCollection<long> ids, AlertDecision decision, int? incidentNumber, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _alerts.Count; i++)
        {
            if (ids.Contains(_alerts[i].Id))
            {
                _alerts[i] = _alerts[i] with { Decision = decision, IncidentNumber = incidentNumber };
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<AlertKey, int>> IncidentsOfAlertsAsync(IReadOnlyCollection<AlertKey> alerts, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<AlertKey, int>>(alerts.Where(_states.ContainsKey).ToDictionary(k => k, k => _states[k].Incident));

    public async Task<int?> OpenIncidentOfGroupAsync(string groupKey, CancellationToken cancellationToken)
    {
        foreach (var number in _states.Values.Where(s => s.GroupKey == groupKey).Select(s => s.Incident).Distinct().OrderDescending())
        {
            if (await ledger.FindAsync(number, cancellationToken) is { IsOpen: true })
            {
                return number;
            }
        }

        return null;
    }

    public Task TrackAsync(IReadOnlyCollection<AlertState> states, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var state in states)
        {
            _states[state.Alert] = (state.IncidentNumber, state.GroupKey, state.Status);
        }

        return Task.CompletedTask;
    }

    public Task<int> FiringCountAsync(int incidentNumber, CancellationToken cancellationToken) =>
        Task.FromResult(_states.Values.Count(s => s.Incident == incidentNumber && s.Status == AlertStatus.Firing));

    public async Task<(int Count, int? NewestOpen)> OpenedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var opened = _alerts.Where(a => a.Decision == AlertDecision.Opened && a.ReceivedAt >= since).Select(a => a.IncidentNumber!.Value).Distinct().ToList();
        int? newest = null;
        foreach (var number in opened.OrderDescending())
        {
            if (await ledger.FindAsync(number, cancellationToken) is { IsOpen: true })
            {
                newest = number;
                break;
            }
        }

        return (opened.Count, newest);
    }
}
