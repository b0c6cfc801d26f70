namespace IncidentBot.Alerts;

public class AlertEntriesTests
{
    private static Alert Alert(string title, string? runbook = null, string? description = null) => new(
        "alertmanager", title, AlertStatus.Firing, title, AlertLevel.Critical, DateTimeOffset.UnixEpoch, null,
        new Dictionary<string, string>(), description, runbook, "https://prometheus.example.com/graph");

    [Fact]
    public void OneAlertIsOneLineWithItsDescriptionAndRunbook()
    {
        var text = AlertEntries.Fired([Alert("Disk full", "https://rb/disk", "92% used")], null);

        Assert.Equal("Alert fired: Disk full [critical] — 92% used · Runbook: https://rb/disk", text);
    }

    [Fact]
    public void ManyAlertsAreSummarisedWithTheFirstTitlesAndRunbooks()
    {
        var alerts = Enumerable.Range(1, 10).Select(i => Alert($"Node {i} down", $"https://rb/{i % 2}")).ToList();

        var text = AlertEntries.Fired(alerts, null);

        Assert.Equal("10 alerts fired: Node 1 down; Node 2 down; Node 3 down (+7 more) · Runbooks: https://rb/1, https://rb/0", text);
    }

    [Fact]
    public void TheLinkIsTheFirstRunbookElseTheSource()
    {
        Assert.Equal("https://rb/2", AlertEntries.Link([Alert("a"), Alert("b", "https://rb/2")]));
        Assert.Equal("https://prometheus.example.com/graph", AlertEntries.Link([Alert("a")]));
    }
}
