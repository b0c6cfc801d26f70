using IncidentBot.Incidents;
using IncidentBot.Support;
using IncidentBot.Timeline;

namespace IncidentBot.Alerts;

public class AlertIntakeTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 13, 10, 0, TimeSpan.Zero);
    private readonly InMemoryIncidentLedger _ledger = new();
    private readonly InMemoryAlertStore _store;

    public AlertIntakeTests() => _store = new InMemoryAlertStore(_ledger);

    [Fact]
    public async Task AFiringAlertOpensAnIncidentWithTheAlertsStartAndTheMappedSeverity()
    {
        var outcome = await ReceiveAsync(Firing("db-1", "DatabaseDown", AlertLevel.Critical, startsAt: Now.AddMinutes(-7)));

        var touch = Assert.Single(outcome.Incidents);
        Assert.True(touch.Opened);
        var incident = (await _ledger.FindAsync(touch.Number, default))!;
        Assert.Equal(Severity.Sev1, incident.Severity);
        Assert.Equal(Now.AddMinutes(-7), incident.StartedAt);
        Assert.Equal(Now.AddMinutes(-7), incident.DetectedAt);
        Assert.Equal(Now, incident.DeclaredAt);
        Assert.Equal("prometheus", incident.DeclaredBy);
        Assert.Equal([TimelineKind.Declared, TimelineKind.AlertFired], _ledger.Timeline.Select(e => e.Kind));
        Assert.Equal("https://runbooks.example.com/DatabaseDown", _ledger.Timeline[1].Link);
    }

    [Fact]
    public async Task ASourceDetectionInstantBecomesDetectedAt()
    {
        var outcome = await ReceiveAsync(Firing("m-1", "Errors") with { StartsAt = Now.AddMinutes(-9), DetectedAt = Now.AddMinutes(-4) });

        var incident = (await _ledger.FindAsync(outcome.Incidents[0].Number, default))!;
        Assert.Equal(Now.AddMinutes(-9), incident.StartedAt);
        Assert.Equal(Now.AddMinutes(-4), incident.DetectedAt);
    }

    [Fact]
    public async Task TheSameNotificationTwiceIsStoredOnce()
    {
        var alert = Firing("db-1", "DatabaseDown");
        await ReceiveAsync(alert);

        var again = await ReceiveAsync(alert);

        Assert.Equal(1, again.Duplicates);
        Assert.Equal(0, again.Stored);
        Assert.Empty(again.Incidents);
        Assert.Single(_store.Alerts);
    }

    [Fact]
    public async Task AlertsOfOneGroupShareAnIncidentAndTheEarliestGivesItsStart()
    {
        var outcome = await ReceiveAsync(
            Firing("n-2", "NodeDown", startsAt: Now.AddMinutes(-1)),
            Firing("n-1", "NodeDown", startsAt: Now.AddMinutes(-5)),
            Firing("n-3", "NodeDown", startsAt: Now.AddMinutes(-2)));

        var touch = Assert.Single(outcome.Incidents);
        Assert.Equal(3, touch.Fired);
        Assert.Equal(Now.AddMinutes(-5), (await _ledger.FindAsync(touch.Number, default))!.StartedAt);
        Assert.All(_store.Alerts, a => Assert.Equal(touch.Number, a.IncidentNumber));
        Assert.Equal([AlertDecision.Opened, AlertDecision.Joined, AlertDecision.Joined], _store.Alerts.OrderBy(a => a.Alert.StartsAt).Select(a => a.Decision));
    }

    [Fact]
    public async Task AnUnrelatedAlertOpensASecondIncident()
    {
        await ReceiveAsync(Firing("n-1", "NodeDown"));

        var outcome = await ReceiveAsync(Firing("d-1", "DiskFull"));

        Assert.Equal(2, outcome.Incidents.Single().Number);
        Assert.True(outcome.Incidents.Single().Opened);
    }

    [Fact]
    public async Task ResolvingEveryAlertTellsTheRoomButLeavesTheIncidentOpen()
    {
        var opened = await ReceiveAsync(Firing("n-1", "NodeDown"), Firing("n-2", "NodeDown"));
        var number = opened.Incidents[0].Number;

        var half = await ReceiveAsync(Resolved("n-1", "NodeDown"));
        var all = await ReceiveAsync(Resolved("n-2", "NodeDown"));

        Assert.False(half.Incidents[0].AllResolved);
        Assert.True(all.Incidents[0].AllResolved);
        Assert.False(all.Incidents[0].AutoResolved);
        var incident = (await _ledger.FindAsync(number, default))!;
        Assert.Equal(IncidentStatus.Investigating, incident.Status);
        var last = _ledger.Timeline[^1];
        Assert.Equal(TimelineKind.AlertResolved, last.Kind);
        Assert.Equal($"All alerts of INC-{number} have resolved. The incident stays open until someone runs `resolve`.", last.Text);
    }

    [Fact]
    public async Task AnAutoResolveRuleResolvesTheIncidentWithItsLastAlert()
    {
        var policy = AlertPolicy.Default with { Rules = [new AlertRule("auto", AlertAction.Open, AutoResolve: true)] };
        var opened = await ReceiveAsync(policy, Firing("n-1", "NodeDown"));

        var resolved = await ReceiveAsync(policy, Resolved("n-1", "NodeDown"));

        Assert.True(resolved.Incidents[0].AutoResolved);
        var incident = (await _ledger.FindAsync(opened.Incidents[0].Number, default))!;
        Assert.Equal(IncidentStatus.Resolved, incident.Status);
        Assert.Equal(TimelineKind.Resolved, _ledger.Timeline[^1].Kind);
    }

    [Fact]
    public async Task AResolutionOfAnAlertNeverSeenIsRecordedWithoutAnIncident()
    {
        var outcome = await ReceiveAsync(Resolved("ghost", "Ghost"));

        Assert.Equal(1, outcome.Unmatched);
        Assert.Empty(outcome.Incidents);
        Assert.Equal(AlertDecision.Unmatched, _store.Alerts.Single().Decision);
    }

    [Fact]
    public async Task IgnoredAndJoinOnlyAlertsOpenNothing()
    {
        var policy = AlertPolicy.Default with
        {
            Rules =
            [
                new AlertRule("noise", AlertAction.Ignore, Labels: new Dictionary<string, string> { ["env"] = "staging" }),
                new AlertRule("pages", AlertAction.Open, MinLevel: AlertLevel.Error),
                new AlertRule("rest", AlertAction.JoinOnly),
            ],
        };

        var staging = await ReceiveAsync(policy, Firing("s-1", "Api", AlertLevel.Critical, labels: new() { ["env"] = "staging" }));
        var lone = await ReceiveAsync(policy, Firing("w-1", "Api", AlertLevel.Warning));
        var paging = await ReceiveAsync(policy, Firing("e-1", "Api", AlertLevel.Error));
        var joining = await ReceiveAsync(policy, Firing("w-2", "Api", AlertLevel.Warning));

        Assert.Equal(1, staging.Ignored);
        Assert.Equal(1, lone.Unmatched);
        Assert.True(paging.Incidents[0].Opened);
        Assert.Equal(paging.Incidents[0].Number, joining.Incidents[0].Number);
        Assert.False(joining.Incidents[0].Opened);
    }

    [Fact]
    public async Task PastTheStormLimitNewGroupsJoinTheNewestIncident()
    {
        var policy = AlertPolicy.Default with { StormLimit = 3 };
        var alerts = Enumerable.Range(0, 50).Select(i => Firing($"c-{i}", $"Check{i}")).ToArray();

        var outcome = await ReceiveAsync(policy, alerts);

        Assert.Equal(3, outcome.Incidents.Count);
        Assert.Equal(48, outcome.Incidents[^1].Fired);
        Assert.Contains("Alert storm: 3 incidents opened from alerts in the last 10 minutes", _ledger.Timeline[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStormWindowForgetsIncidentsOpenedBeforeIt()
    {
        var policy = AlertPolicy.Default with { StormLimit = 1, StormWindow = TimeSpan.FromMinutes(5) };
        await ReceiveAsync(policy, Firing("a-1", "A"));

        var later = await AlertIntake.ReceiveAsync(_ledger, _store, [Firing("b-1", "B")], policy, Now.AddMinutes(6), default);

        Assert.True(later.Incidents[0].Opened);
    }

    [Fact]
    public async Task AFiringAlertJoinsTheIncidentItAlreadyBelongsToEvenIfItsLabelsChanged()
    {
        var opened = await ReceiveAsync(Firing("n-1", "NodeDown"));

        var again = await ReceiveAsync(Firing("n-1", "NodeRebooted", startsAt: Now.AddMinutes(1)));

        Assert.Equal(opened.Incidents[0].Number, again.Incidents[0].Number);
    }

    private Task<IntakeOutcome> ReceiveAsync(params Alert[] alerts) => ReceiveAsync(AlertPolicy.Default, alerts);

    private Task<IntakeOutcome> ReceiveAsync(AlertPolicy policy, params Alert[] alerts) =>
        AlertIntake.ReceiveAsync(_ledger, _store, alerts, policy, Now, default);

    private static Alert Firing(string fingerprint, string alertname, AlertLevel level = AlertLevel.Warning, DateTimeOffset? startsAt = null, Dictionary<string, string>? labels = null)
    {
        labels ??= [];
        labels["alertname"] = alertname;
        return new Alert("prometheus", fingerprint, AlertStatus.Firing, $"{alertname} {fingerprint}", level, startsAt ?? Now.AddMinutes(-3), null, labels,
            RunbookUrl: $"https://runbooks.example.com/{alertname}");
    }

    private static Alert Resolved(string fingerprint, string alertname) =>
        Firing(fingerprint, alertname) with { Status = AlertStatus.Resolved, EndsAt = Now };
}
