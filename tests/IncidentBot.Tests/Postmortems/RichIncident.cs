using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Postmortems;

/// <summary>
/// INC-42 with a timeline that has a bit of everything, across the night Berlin moves its clocks forward
/// (2025-03-30 01:00 UTC: 02:00 CET becomes 03:00 CEST).
/// </summary>
public sealed class RichIncident
{
    public static readonly DateTimeOffset Declared = new(2025, 3, 30, 0, 50, 0, TimeSpan.Zero);

    private readonly List<TimelineEntry> _timeline = [];

    public RichIncident(Severity severity = Severity.Sev2)
    {
        var t = Declared;
        var (incident, declared) = Incident.Declare(42, new Declaration("Payments API down", severity), "alertmanager", t, startedAt: t.AddMinutes(-8));
        Incident = incident;
        Add(declared);
        Add(incident.Record(TimelineKind.AlertFired, "PaymentsErrorRate firing: 5xx ratio 31% on payments-api", "alertmanager", t));
        Add(incident.AssignRole(Role.Commander, "alice", "alice", t.AddMinutes(3)));
        Add(incident.AssignRole(Role.Scribe, "carol", "alice", t.AddMinutes(4)));
        Add(incident.ChangeSeverity(Severity.Sev1, "alice", t.AddMinutes(5)));
        Add(incident.Record(TimelineKind.Note, "Error rate at 30% since the 00:40 deploy of payments v42 | canary skipped", "carol", t.AddMinutes(8)));
        Add(incident.Record(TimelineKind.StatusUpdate, "Card payments are failing for some customers; we are investigating.", "dan", t.AddMinutes(9)));
        Add(incident.Record(TimelineKind.SummaryPosted, "Earlier summary: errors started after a deploy.", "incidentbot", t.AddMinutes(10)));
        Add(incident.ChangeStatus(IncidentStatus.Identified, "alice", t.AddMinutes(12)));
        Add(incident.Record(TimelineKind.Note, "Dave forgot to run the migration before the deploy.", "carol", t.AddMinutes(14)));
        Add(incident.AssignRole(Role.Commander, "bob", "alice", t.AddMinutes(20)));
        Add(incident.ChangeStatus(IncidentStatus.Monitoring, "bob", t.AddMinutes(25)));
        Add(incident.Record(TimelineKind.AlertResolved, "PaymentsErrorRate resolved", "alertmanager", t.AddMinutes(28)));
        Add(incident.Record(TimelineKind.SummaryPosted, "Latest summary: v42 rolled back at 01:14 UTC;\nerror rate back to 0.1%.", "incidentbot", t.AddMinutes(29)));
        Add(incident.Record(TimelineKind.StatusUpdate, "Payments have recovered; we are monitoring.", "dan", t.AddMinutes(29)));
        Add(incident.Resolve("rolled back payments v42", "bob", t.AddMinutes(30).AddSeconds(30)));
        ActionItems =
        [
            new ActionItem(1, 42, "Add a canary stage to the payments deploy", "erin", new DateOnly(2025, 4, 30), false, "bob", t, ActionKind.Prevent),
            new ActionItem(2, 42, "Alert on payment 5xx ratio above 5%", "frank", null, true, "bob", t, ActionKind.Detect),
            new ActionItem(3, 42, "Write the payments rollback runbook", null, null, false, "bob", t, ActionKind.Mitigate),
        ];
    }

    public Incident Incident { get; }

    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    public IReadOnlyList<ActionItem> ActionItems { get; }

    private void Add(Change change)
    {
        Assert.False(change.Refused, change.Refusal);
        foreach (var entry in change.Entries)
        {
            Add(entry);
        }
    }

    private void Add(TimelineEntry entry) => _timeline.Add(entry with { Id = _timeline.Count + 1 });
}
