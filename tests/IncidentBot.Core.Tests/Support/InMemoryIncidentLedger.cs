using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Support;

/// <summary>The incident ledger port, kept in memory; it stores copies, as a database would.</summary>
public sealed class InMemoryIncidentLedger : IIncidentLedger
{
    private readonly Dictionary<int, IncidentState> _incidents = [];
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<ActionItem> _actions = [];

    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    public Task<Incident?> FindAsync(int number, CancellationToken cancellationToken) =>
        Task.FromResult(_incidents.TryGetValue(number, out var state) ? Incident.Restore(state) : null);

    public Task<IReadOnlyList<Incident>> ListAsync(bool openOnly, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Incident>>(_incidents.Values.Select(Incident.Restore)
            .Where(i => !openOnly || i.IsOpen).OrderByDescending(i => i.Number).Take(limit).ToList());

    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync(int number, long afterId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TimelineEntry>>(_timeline.Where(e => e.IncidentNumber == number && e.Id > afterId).Take(limit).ToList());

    public Task<IReadOnlyList<ActionItem>> ActionItemsAsync(int number, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ActionItem>>(_actions.Where(a => a.IncidentNumber == number).ToList());

    public Task<int> NextNumberAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_incidents.Count == 0 ? 1 : _incidents.Keys.Max() + 1);

    public Task InsertAsync(Incident incident, CancellationToken cancellationToken)
    {
        _incidents.Add(incident.Number, incident.ToState());
        return Task.CompletedTask;
    }

    /// <summary>How many times an incident was stored again.</summary>
    public int Updates { get; private set; }

    public Task UpdateAsync(Incident incident, CancellationToken cancellationToken)
    {
        if (!_incidents.ContainsKey(incident.Number))
        {
            throw new InvalidOperationException($"{incident.Key} is not stored.");
        }

        _incidents[incident.Number] = incident.ToState();
        Updates++;
        return Task.CompletedTask;
    }

    public Task<TimelineEntry?> AppendAsync(TimelineEntry entry, CancellationToken cancellationToken)
    {
        if (entry.SourceKey is not null && _timeline.Any(e => e.IncidentNumber == entry.IncidentNumber && e.SourceKey == entry.SourceKey))
        {
            return Task.FromResult<TimelineEntry?>(null);
        }

        var stored = entry with { Id = _timeline.Count + 1 };
        _timeline.Add(stored);
        return Task.FromResult<TimelineEntry?>(stored);
    }

    public Task<ActionItem> AddActionItemAsync(ActionItem item, CancellationToken cancellationToken)
    {
        var stored = item with { Id = _actions.Count + 1 };
        _actions.Add(stored);
        return Task.FromResult(stored);
    }
}
