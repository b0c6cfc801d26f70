using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Alerts;

/// <summary>The working state of one <see cref="AlertIntake"/> delivery: the incidents it loaded, opened and touched.</summary>
internal sealed class IntakeRun(IIncidentLedger ledger, IAlertStore store, AlertPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
{
    private readonly Dictionary<int, Incident?> _incidents = [];
    private readonly Dictionary<string, int> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<AlertKey, int> _states = [];
    private readonly Dictionary<AlertKey, AlertState> _tracked = [];
    private readonly List<Touch> _touches = [];
    private readonly Dictionary<(AlertDecision Decision, int? Incident), List<long>> _decisions = [];
    private readonly List<int> _opened = [];

    /// <summary>Incidents alerts opened within the storm window before this run: read once, since only this run adds any.</summary>
    private (int Count, int? Newest)? _openedBefore;
    private int _stored;
    private int _duplicates;
    private int _ignored;
    private int _unmatched;

    /// <summary>Stores the delivery's notifications in one go, then routes each new one.</summary>
    public async Task TakeAllAsync(IReadOnlyList<Alert> alerts)
    {
        var groupKeys = alerts.Select(policy.GroupKeyOf).ToList();
        var ids = await store.AddAsync(alerts, groupKeys, now, cancellationToken).ConfigureAwait(false);
        var fresh = Enumerable.Range(0, alerts.Count).Where(i => ids[i] is not null).ToList();
        _stored = fresh.Count;
        _duplicates = alerts.Count - fresh.Count;
        var keys = fresh.Select(i => KeyOf(alerts[i])).ToHashSet();
        foreach (var (key, incident) in await store.IncidentsOfAlertsAsync(keys, cancellationToken).ConfigureAwait(false))
        {
            _states[key] = incident;
        }

        foreach (var i in fresh)
        {
            await TakeAsync(ids[i]!.Value, alerts[i], groupKeys[i]).ConfigureAwait(false);
        }

        await store.TrackAsync(_tracked.Values, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task TakeAsync(long id, Alert alert, string groupKey)
    {
        var route = policy.Route(alert);
        if (alert.Status == AlertStatus.Resolved)
        {
            await ResolveAsync(id, alert, groupKey, route).ConfigureAwait(false);
            return;
        }

        if (route.Action == AlertAction.Ignore)
        {
            _ignored++;
            Decide(id, AlertDecision.Ignored, null);
            return;
        }

        var decision = AlertDecision.Joined;
        string? stormNote = null;
        var incident = await OpenIncidentOfAsync(alert, groupKey).ConfigureAwait(false);
        if (incident is null && route.Action == AlertAction.Open)
        {
            (incident, stormNote) = await StormIncidentAsync().ConfigureAwait(false);
            if (incident is null)
            {
                incident = await DeclareAsync(alert, route).ConfigureAwait(false);
                decision = AlertDecision.Opened;
            }
        }

        if (incident is null)
        {
            _unmatched++;
            Decide(id, AlertDecision.Unmatched, null);
            return;
        }

        _groups[groupKey] = incident.Number;
        Track(alert, groupKey, incident.Number);
        var touch = TouchOf(incident);
        touch.Fired.Add(alert);
        touch.StormNote ??= stormNote;
        Decide(id, decision, incident.Number);
    }

    public async Task<IntakeOutcome> FinishAsync(int received)
    {
        var touched = new List<IncidentTouch>();
        foreach (var touch in _touches)
        {
            touched.Add(await RecordAsync(touch).ConfigureAwait(false));
        }

        foreach (var ((decision, incident), ids) in _decisions)
        {
            await store.DecideAsync(ids, decision, incident, cancellationToken).ConfigureAwait(false);
        }

        return new IntakeOutcome(received, _stored, _duplicates, _ignored, _unmatched, touched);
    }

    private async Task ResolveAsync(long id, Alert alert, string groupKey, AlertRoute route)
    {
        if (!_states.TryGetValue(KeyOf(alert), out var number) || await LoadAsync(number).ConfigureAwait(false) is not { } incident)
        {
            _unmatched++;
            Decide(id, AlertDecision.Unmatched, null);
            return;
        }

        Track(alert, groupKey, incident.Number);
        var touch = TouchOf(incident);
        touch.Resolved.Add(alert);
        touch.AutoResolve |= route.AutoResolve;
        Decide(id, AlertDecision.Resolved, incident.Number);
    }

    private async Task<Incident?> OpenIncidentOfAsync(Alert alert, string groupKey)
    {
        if (_states.TryGetValue(KeyOf(alert), out var own) && await LoadAsync(own).ConfigureAwait(false) is { IsOpen: true } ownIncident)
        {
            return ownIncident;
        }

        if (_groups.TryGetValue(groupKey, out var known) && await LoadAsync(known).ConfigureAwait(false) is { IsOpen: true } knownIncident)
        {
            return knownIncident;
        }

        return await store.OpenIncidentOfGroupAsync(groupKey, cancellationToken).ConfigureAwait(false) is { } grouped
            ? await LoadAsync(grouped).ConfigureAwait(false)
            : null;
    }

    /// <summary>Past the storm limit, the newest incident alerts opened (still open) instead of a new one.</summary>
    private async Task<(Incident? Incident, string? Note)> StormIncidentAsync()
    {
        _openedBefore ??= await store.OpenedSinceAsync(now - policy.StormWindow, cancellationToken).ConfigureAwait(false);
        var (count, newest) = _openedBefore.Value;
        count += _opened.Count;
        if (count < policy.StormLimit)
        {
            return (null, null);
        }

        foreach (var candidate in _opened.AsEnumerable().Reverse().Append(newest ?? 0).Where(n => n > 0))
        {
            if (await LoadAsync(candidate).ConfigureAwait(false) is { IsOpen: true } incident)
            {
                return (incident, $"Alert storm: {count} incidents opened from alerts in the last {policy.StormWindow.TotalMinutes.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} minutes, so this joined the newest instead of opening another.");
            }
        }

        return (null, null);
    }

    private async Task<Incident> DeclareAsync(Alert alert, AlertRoute route)
    {
        var number = await ledger.NextNumberAsync(cancellationToken).ConfigureAwait(false);
        var title = AlertEntries.Shorten(alert.Title, Incident.MaxTitleLength);
        var (incident, entry) = Incident.Declare(
            number, new Declaration(title, route.Severity), alert.Source, now, alert.StartsAt, alert.DetectedAt ?? alert.StartsAt);
        await ledger.InsertAsync(incident, cancellationToken).ConfigureAwait(false);
        await ledger.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        _incidents[number] = incident;
        _opened.Add(number);
        TouchOf(incident).Opened = true;
        return incident;
    }

    private async Task<IncidentTouch> RecordAsync(Touch touch)
    {
        var incident = touch.Incident;
        var actor = (touch.Fired.Count > 0 ? touch.Fired[0] : touch.Resolved[0]).Source;
        var entries = new List<TimelineEntry>();
        if (touch.Fired.Count > 0)
        {
            entries.Add(incident.Record(TimelineKind.AlertFired, AlertEntries.Fired(touch.Fired, touch.StormNote), actor, now) with
            {
                Link = AlertEntries.Link(touch.Fired),
            });
        }

        var allResolved = false;
        var autoResolved = false;
        if (touch.Resolved.Count > 0)
        {
            entries.Add(incident.Record(TimelineKind.AlertResolved, AlertEntries.Resolved(touch.Resolved), actor, now) with
            {
                Link = AlertEntries.Link(touch.Resolved),
            });
            if (incident.IsOpen && await store.FiringCountAsync(incident.Number, cancellationToken).ConfigureAwait(false) == 0)
            {
                allResolved = true;
                entries.Add(incident.Record(TimelineKind.AlertResolved, AlertEntries.AllResolved(incident.Key, touch.AutoResolve), actor, now));
                if (touch.AutoResolve && incident.Resolve("all alerts resolved", actor, now) is { Refused: false } change)
                {
                    // The only change alerts make to an incident they join; recording entries leaves it as it was.
                    autoResolved = true;
                    entries.AddRange(change.Entries);
                    await ledger.UpdateAsync(incident, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        foreach (var entry in entries)
        {
            await ledger.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        return new IncidentTouch(incident.Number, touch.Opened, touch.Fired.Count, touch.Resolved.Count, allResolved, autoResolved);
    }

    private async Task<Incident?> LoadAsync(int number)
    {
        if (!_incidents.TryGetValue(number, out var incident))
        {
            incident = await ledger.FindAsync(number, cancellationToken).ConfigureAwait(false);
            _incidents[number] = incident;
        }

        return incident;
    }

    private Touch TouchOf(Incident incident)
    {
        var touch = _touches.Find(t => t.Incident.Number == incident.Number);
        if (touch is null)
        {
            touch = new Touch(incident);
            _touches.Add(touch);
        }

        return touch;
    }

    private static AlertKey KeyOf(Alert alert) => new(alert.Source, alert.Fingerprint);

    private void Track(Alert alert, string groupKey, int incident)
    {
        var key = KeyOf(alert);
        _states[key] = incident;
        _tracked[key] = new AlertState(key, incident, groupKey, alert.Status);
    }

    private void Decide(long id, AlertDecision decision, int? incident)
    {
        if (!_decisions.TryGetValue((decision, incident), out var ids))
        {
            ids = [];
            _decisions[(decision, incident)] = ids;
        }

        ids.Add(id);
    }

    private sealed class Touch(Incident incident)
    {
        public Incident Incident { get; } = incident;

        public bool Opened { get; set; }

        public bool AutoResolve { get; set; }

        public string? StormNote { get; set; }

        public List<Alert> Fired { get; } = [];

        public List<Alert> Resolved { get; } = [];
    }
}
