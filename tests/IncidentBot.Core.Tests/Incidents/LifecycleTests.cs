using IncidentBot.Incidents;
using IncidentBot.Support;

namespace IncidentBot.Incidents;

public class LifecycleTests
{
    [Theory]
    [InlineData(IncidentStatus.Investigating, IncidentStatus.Identified)]
    [InlineData(IncidentStatus.Investigating, IncidentStatus.Monitoring)]
    [InlineData(IncidentStatus.Identified, IncidentStatus.Investigating)]
    [InlineData(IncidentStatus.Identified, IncidentStatus.Monitoring)]
    [InlineData(IncidentStatus.Monitoring, IncidentStatus.Investigating)]
    [InlineData(IncidentStatus.Monitoring, IncidentStatus.Identified)]
    public void AnyMoveAmongTheFirstThreeStatusesIsAllowed(IncidentStatus from, IncidentStatus to)
    {
        var incident = Some.Incident(from);

        var change = incident.ChangeStatus(to, "bob", Some.Noon.AddHours(1));

        Assert.False(change.Refused, change.Refusal);
        Assert.Equal(to, incident.Status);
        Assert.Single(change.Entries);
    }

    [Theory]
    [InlineData(IncidentStatus.Investigating, IncidentStatus.Investigating)]
    [InlineData(IncidentStatus.Identified, IncidentStatus.Identified)]
    [InlineData(IncidentStatus.Monitoring, IncidentStatus.Monitoring)]
    [InlineData(IncidentStatus.Investigating, IncidentStatus.Resolved)]
    [InlineData(IncidentStatus.Monitoring, IncidentStatus.Resolved)]
    [InlineData(IncidentStatus.Resolved, IncidentStatus.Investigating)]
    [InlineData(IncidentStatus.Resolved, IncidentStatus.Identified)]
    [InlineData(IncidentStatus.Resolved, IncidentStatus.Monitoring)]
    [InlineData(IncidentStatus.Resolved, IncidentStatus.Resolved)]
    public void RefusedStatusMovesChangeNothing(IncidentStatus from, IncidentStatus to)
    {
        var incident = Some.Incident(from);
        var before = incident.ToState();

        var change = incident.ChangeStatus(to, "bob", Some.Noon.AddHours(1));

        Assert.True(change.Refused);
        Assert.Empty(change.Entries);
        Assert.Equal(before, incident.ToState());
    }

    [Fact]
    public void ResolvedIncidentCannotMoveToMonitoringWithoutReopen()
    {
        var incident = Some.Incident(IncidentStatus.Resolved);

        var change = incident.ChangeStatus(IncidentStatus.Monitoring, "bob", Some.Noon.AddHours(1));

        Assert.Contains("reopen", change.Refusal, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Resolved, incident.Status);
    }

    [Theory]
    [InlineData(IncidentStatus.Investigating)]
    [InlineData(IncidentStatus.Identified)]
    [InlineData(IncidentStatus.Monitoring)]
    public void ResolveWorksFromEveryOpenStatusAndReopenDoesNot(IncidentStatus from)
    {
        var incident = Some.Incident(from);

        Assert.True(incident.Reopen("bob", Some.Noon.AddHours(1)).Refused);
        Assert.False(incident.Resolve("fixed", "bob", Some.Noon.AddHours(1)).Refused);
        Assert.Equal(IncidentStatus.Resolved, incident.Status);
    }

    [Fact]
    public void ResolvedIncidentCannotBeResolvedTwiceButCanBeReopened()
    {
        var incident = Some.Incident(IncidentStatus.Resolved);

        Assert.True(incident.Resolve(null, "bob", Some.Noon.AddHours(1)).Refused);
        Assert.False(incident.Reopen("bob", Some.Noon.AddHours(1)).Refused);
        Assert.Equal(IncidentStatus.Investigating, incident.Status);
        Assert.Null(incident.ResolvedAt);
    }
}
