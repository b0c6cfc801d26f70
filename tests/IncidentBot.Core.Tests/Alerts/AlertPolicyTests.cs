using IncidentBot.Incidents;

namespace IncidentBot.Alerts;

public class AlertPolicyTests
{
    private static readonly Alert Sample = new(
        "alertmanager", "f1", AlertStatus.Firing, "High error rate", AlertLevel.Error, DateTimeOffset.UnixEpoch, null,
        new Dictionary<string, string> { ["alertname"] = "HighErrorRate", ["service"] = "checkout", ["env"] = "prod" });

    [Fact]
    public void TheDefaultGroupKeyIsSourceAlertnameAndServiceWithMissingLabelsEmpty()
    {
        Assert.Equal("source=alertmanager|alertname=HighErrorRate|service=checkout", AlertPolicy.Default.GroupKeyOf(Sample));
        var noService = Sample with { Labels = new Dictionary<string, string> { ["alertname"] = "HighErrorRate" } };
        Assert.Equal("source=alertmanager|alertname=HighErrorRate|service=", AlertPolicy.Default.GroupKeyOf(noService));
    }

    [Fact]
    public void WithoutRulesEveryAlertOpensWithTheDefaultSeverityMapping()
    {
        Assert.Equal(AlertAction.Open, AlertPolicy.Default.Route(Sample).Action);
        Assert.Equal(
            [Severity.Sev1, Severity.Sev2, Severity.Sev3, Severity.Sev4],
            new[] { AlertLevel.Critical, AlertLevel.Error, AlertLevel.Warning, AlertLevel.Info }.Select(l => AlertPolicy.Default.Route(Sample with { Level = l }).Severity));
    }

    [Fact]
    public void TheFirstMatchingRuleDecidesAndNoMatchOnlyRecords()
    {
        var policy = AlertPolicy.Default with
        {
            Rules =
            [
                new AlertRule("grafana only", AlertAction.Ignore, Sources: new HashSet<string> { "grafana" }),
                new AlertRule("critical", AlertAction.Open, MinLevel: AlertLevel.Critical),
                new AlertRule("checkout", AlertAction.JoinOnly, Labels: new Dictionary<string, string> { ["service"] = "checkout", ["env"] = "*" }),
            ],
        };

        Assert.Equal("checkout", policy.Route(Sample).Rule!.Name);
        Assert.Equal("critical", policy.Route(Sample with { Level = AlertLevel.Critical }).Rule!.Name);
        Assert.Equal("grafana only", policy.Route(Sample with { Source = "grafana" }).Rule!.Name);
        var unmatched = policy.Route(Sample with { Labels = new Dictionary<string, string> { ["service"] = "search" } });
        Assert.Null(unmatched.Rule);
        Assert.Equal(AlertAction.Ignore, unmatched.Action);
    }

    [Fact]
    public void ARuleMapsSeveritiesOrFixesOne()
    {
        var mapped = new AlertRule("m", AlertAction.Open, Severities: new Dictionary<AlertLevel, Severity> { [AlertLevel.Warning] = Severity.Sev2 });
        var fixedOne = new AlertRule("f", AlertAction.Open, Severity: Severity.Sev4);

        Assert.Equal(Severity.Sev2, mapped.SeverityOf(AlertLevel.Warning));
        Assert.Equal(Severity.Sev1, mapped.SeverityOf(AlertLevel.Critical));
        Assert.Equal(Severity.Sev4, fixedOne.SeverityOf(AlertLevel.Critical));
    }

    [Theory]
    [InlineData("critical", AlertLevel.Critical)]
    [InlineData("P1", AlertLevel.Critical)]
    [InlineData("fatal", AlertLevel.Critical)]
    [InlineData("high", AlertLevel.Error)]
    [InlineData("P2", AlertLevel.Error)]
    [InlineData("Warning", AlertLevel.Warning)]
    [InlineData("P3", AlertLevel.Warning)]
    [InlineData("low", AlertLevel.Info)]
    [InlineData("P5", AlertLevel.Info)]
    public void LevelsAreReadFromEachSourcesWords(string text, AlertLevel expected)
    {
        Assert.True(AlertLevelText.TryParse(text, out var level));
        Assert.Equal(expected, level);
    }

    [Fact]
    public void AnUnknownLevelWordIsNotGuessed()
    {
        Assert.False(AlertLevelText.TryParse("spicy", out _));
        Assert.Equal(AlertLevel.Warning, AlertLevelText.ParseOr(null, AlertLevel.Warning));
    }
}
