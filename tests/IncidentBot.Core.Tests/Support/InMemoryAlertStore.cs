using IncidentBot.Alerts;
using IncidentBot.Incidents;

namespace IncidentBot.Support;

/// <summary>The alert store port, kept in memory beside an <see cref="InMemoryIncidentLedger"/> whose incidents it joins.</summary>
public sealed class InMemoryAlertStore(InMemoryIncidentLedger ledger) : IAlertStore
{
    private readonly List<StoredAlert> _alerts = [];
    private readonly Dictionary<(string Source, string Fingerprint), (int Incident, string GroupKey, AlertStatus Status)> _states = [];

    public IReadOnlyList<StoredAlert> Alerts => _alerts;

    public Task<long?> AddAsync(Alert alert, string groupKey, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (_alerts.Any(a => a.Alert.Source == alert.Source && a.Alert.Fingerprint == alert.Fingerprint &&
                             a.Alert.Status == alert.Status && a.Alert.StartsAt == alert.StartsAt))
        {
            return Task.FromResult<long?>(null);
        }

        var stored = new StoredAlert(_alerts.Count + 1, alert, groupKey, null, null, receivedAt);
        _alerts.Add(stored);
        return Task.FromResult<long?>(stored.Id);
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

    public Task<int?> IncidentOfAlertAsync(string source, string fingerprint, CancellationToken cancellationToken) =>
        Task.FromResult(_states.TryGetValue((source, fingerprint), out var state) ? state.Incident : (int?)null);

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

    public Task TrackAsync(Alert alert, string groupKey, int incidentNumber, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _states[(alert.Source, alert.Fingerprint)] = (incidentNumber, groupKey, alert.Status);
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
