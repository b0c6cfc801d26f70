using IncidentBot.Incidents;
using IncidentBot.Support;
using IncidentBot.Timeline;

namespace IncidentBot.Incidents;

public class IncidentTests
{
    private static readonly DateTimeOffset Start = Some.Noon;

    [Fact]
    public void DurationsAreMeasuredFromTheKeyInstants()
    {
        var (incident, _) = Incident.Declare(
            1, new Declaration("Orders backlog", Severity.Sev1), "alertmanager", Start.AddMinutes(10),
            startedAt: Start, detectedAt: Start.AddMinutes(4));
        incident.AssignRole(Role.Commander, "alice", "alice", Start.AddMinutes(12));
        incident.ChangeStatus(IncidentStatus.Monitoring, "alice", Start.AddMinutes(40));
        incident.Resolve("queue drained", "alice", Start.AddMinutes(95));

        var d = incident.Durations;

        Assert.Equal(TimeSpan.FromMinutes(4), d.ToDetect);
        Assert.Equal(TimeSpan.FromMinutes(8), d.ToAcknowledge);
        Assert.Equal(TimeSpan.FromMinutes(40), d.ToMitigate);
        Assert.Equal(TimeSpan.FromMinutes(95), d.ToResolve);
    }

    [Fact]
    public void DurationsAreUnknownUntilTheirInstantsHappen()
    {
        var (incident, _) = Incident.Declare(1, new Declaration("Orders backlog"), "alice", Start);

        Assert.Equal(TimeSpan.Zero, incident.Durations.ToDetect);
        Assert.Null(incident.Durations.ToAcknowledge);
        Assert.Null(incident.Durations.ToMitigate);
        Assert.Null(incident.Durations.ToResolve);
    }

    [Fact]
    public void InstantsAreKeptInUtcWithMillisecondPrecision()
    {
        var local = new DateTimeOffset(2025, 3, 4, 14, 5, 0, TimeSpan.FromHours(2)).AddTicks(2_504_999);

        var (incident, entry) = Incident.Declare(1, new Declaration("Orders backlog"), "alice", local);

        Assert.Equal(TimeSpan.Zero, incident.DeclaredAt.Offset);
        Assert.Equal("2025-03-04T12:05:00.250Z", Instants.Format(incident.DeclaredAt));
        Assert.Equal(incident.DeclaredAt, entry.At);
    }

    [Fact]
    public void AnAlertStartingAfterTheDeclarationCountsFromTheDeclaration()
    {
        var (incident, _) = Incident.Declare(1, new Declaration("Orders backlog"), "alice", Start, startedAt: Start.AddMinutes(5));

        Assert.Equal(Start, incident.StartedAt);
        Assert.Equal(Start, incident.DetectedAt);
    }

    [Fact]
    public void AcknowledgedIsTheFirstCommanderAndHandoffsAreRecorded()
    {
        var incident = Some.Incident();
        incident.AssignRole(Role.Commander, "alice", "alice", Start.AddMinutes(1));

        var handoff = incident.AssignRole(Role.Commander, "bob", "alice", Start.AddMinutes(20));

        Assert.Equal("bob", incident.Commander);
        Assert.Equal(Start.AddMinutes(1), incident.AcknowledgedAt);
        Assert.Equal(TimelineKind.RoleAssigned, handoff.Entries[0].Kind);
        Assert.Contains("handed over from alice", handoff.Entries[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void GivingARoleToItsHolderAgainIsRefused()
    {
        var incident = Some.Incident();
        incident.AssignRole(Role.Scribe, "carol", "carol", Start);

        var again = incident.AssignRole(Role.Scribe, "carol", "carol", Start.AddMinutes(1));

        Assert.True(again.Refused);
    }

    [Fact]
    public void MitigatedIsTheFirstMoveToMonitoring()
    {
        var incident = Some.Incident();
        incident.ChangeStatus(IncidentStatus.Monitoring, "a", Start.AddMinutes(10));
        incident.ChangeStatus(IncidentStatus.Investigating, "a", Start.AddMinutes(11));
        incident.ChangeStatus(IncidentStatus.Monitoring, "a", Start.AddMinutes(30));

        Assert.Equal(Start.AddMinutes(10), incident.MitigatedAt);
    }

    [Fact]
    public void ResolvingWithoutMonitoringCountsAsMitigatedThen()
    {
        var incident = Some.Incident();

        incident.Resolve(null, "a", Start.AddMinutes(50));

        Assert.Equal(Start.AddMinutes(50), incident.MitigatedAt);
        Assert.Equal(Start.AddMinutes(50), incident.ResolvedAt);
    }

    [Fact]
    public void ChangingToTheSameSeverityIsRefused()
    {
        var incident = Some.Incident(severity: Severity.Sev2);

        Assert.True(incident.ChangeSeverity(Severity.Sev2, "a", Start).Refused);
        Assert.False(incident.ChangeSeverity(Severity.Sev1, "a", Start).Refused);
        Assert.Equal(Severity.Sev1, incident.Severity);
    }

    [Theory]
    [InlineData(0.2, "200ms")]
    [InlineData(42, "42s")]
    [InlineData(252, "4m 12s")]
    [InlineData(3780, "1h 03m")]
    [InlineData(187200, "2d 4h")]
    public void DurationsReadAsPeopleSayThem(double seconds, string expected) =>
        Assert.Equal(expected, Instants.Humanize(TimeSpan.FromSeconds(seconds)));
}
