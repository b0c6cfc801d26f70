using System.Net;
using IncidentBot.Support;
using Microsoft.Extensions.Configuration;

namespace IncidentBot.Alerts;

/// <summary><c>Alerts:Rules</c>, <c>Alerts:GroupKey</c> and the storm limit, read from configuration.</summary>
public sealed class AlertRoutingTests
{
    [Fact]
    public async Task RulesDecideInOrderWhichAlertsOpenJoinOrAreOnlyRecorded()
    {
        using var app = new BotApp(settings: AlertWebhooks.Settings(new Dictionary<string, string?>
        {
            ["Alerts:Rules:0:Name"] = "staging is noise",
            ["Alerts:Rules:0:Labels:env"] = "staging",
            ["Alerts:Rules:0:Action"] = "ignore",
            ["Alerts:Rules:1:Name"] = "pages",
            ["Alerts:Rules:1:MinSeverity"] = "error",
            ["Alerts:Rules:1:Action"] = "open",
            ["Alerts:Rules:1:Severities:error"] = "SEV1",
            ["Alerts:Rules:2:Name"] = "the rest joins",
            ["Alerts:Rules:2:Action"] = "join-only",
        }));
        using var client = app.CreateClient();

        var (_, staging) = await client.SendAsync("generic", Generic("a", "critical", "Api", env: "staging"));
        var (_, warning) = await client.SendAsync("generic", Generic("b", "warning", "Api"));
        var (_, error) = await client.SendAsync("generic", Generic("c", "error", "Api"));
        var (_, joining) = await client.SendAsync("generic", Generic("d", "warning", "Api"));

        Assert.Equal(1, staging!["ignored"]!.GetValue<int>());
        Assert.Equal(1, warning!["unmatched"]!.GetValue<int>());
        var number = error!["incidents"]![0]!["number"]!.GetValue<int>();
        Assert.True(error["incidents"]![0]!["opened"]!.GetValue<bool>());
        Assert.Equal(number, joining!["incidents"]![0]!["number"]!.GetValue<int>());
        Assert.False(joining["incidents"]![0]!["opened"]!.GetValue<bool>());
        var (_, detail) = await client.GetJsonAsync($"/api/incidents/{number}");
        Assert.Equal("SEV1", detail!["incident"]!["severity"]!.GetValue<string>());
        Assert.Equal(4, await DatabaseQuery.CountAsync(app, "SELECT COUNT(*) FROM alerts"));
    }

    [Fact]
    public async Task AnAutoResolveRuleResolvesTheIncidentWhenItsLastAlertResolves()
    {
        using var app = new BotApp(settings: AlertWebhooks.Settings(new Dictionary<string, string?>
        {
            ["Alerts:Rules:0:Action"] = "open",
            ["Alerts:Rules:0:AutoResolve"] = "true",
        }));
        using var client = app.CreateClient();
        var (_, opened) = await client.SendAsync("generic", """
            {"alerts": [
              {"title": "Disk full", "status": "firing", "fingerprint": "disk-1", "startsAt": "2025-03-04T13:00:00Z", "labels": {"alertname": "DiskFull"}},
              {"title": "Disk full", "status": "firing", "fingerprint": "disk-2", "startsAt": "2025-03-04T13:00:00Z", "labels": {"alertname": "DiskFull"}}]}
            """u8.ToArray());
        var number = opened!["incidents"]![0]!["number"]!.GetValue<int>();

        var (_, one) = await client.SendAsync("generic", """{"title": "Disk full", "status": "resolved", "fingerprint": "disk-1", "startsAt": "2025-03-04T13:00:00Z", "labels": {"alertname": "DiskFull"}}"""u8.ToArray());
        var (_, both) = await client.SendAsync("generic", """{"title": "Disk full", "status": "resolved", "fingerprint": "disk-2", "startsAt": "2025-03-04T13:00:00Z", "labels": {"alertname": "DiskFull"}}"""u8.ToArray());

        Assert.False(one!["incidents"]![0]!["allResolved"]!.GetValue<bool>());
        Assert.True(both!["incidents"]![0]!["autoResolved"]!.GetValue<bool>());
        var (_, detail) = await client.GetJsonAsync($"/api/incidents/{number}");
        Assert.Equal("resolved", detail!["incident"]!["status"]!.GetValue<string>());
        var (_, timeline) = await client.GetJsonAsync($"/api/incidents/{number}/timeline");
        Assert.Equal("resolved", timeline!.AsArray()[^1]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheGroupKeyDecidesWhichAlertsShareAnIncident()
    {
        using var app = new BotApp(settings: AlertWebhooks.Settings(new Dictionary<string, string?> { ["Alerts:GroupKey"] = "service" }));
        using var client = app.CreateClient();

        var (_, first) = await client.SendAsync("alertmanager", AlertWebhooks.AlertmanagerGroup("HighLatency", 1, service: "payments"));
        var (_, second) = await client.SendAsync("alertmanager", AlertWebhooks.AlertmanagerGroup("ErrorRate", 1, service: "payments"));

        Assert.Equal(first!["incidents"]![0]!["number"]!.GetValue<int>(), second!["incidents"]![0]!["number"]!.GetValue<int>());
    }

    [Fact]
    public async Task PastTheStormLimitUnrelatedAlertsJoinTheNewestIncidentInsteadOfOpeningHundreds()
    {
        using var app = new BotApp(settings: AlertWebhooks.Settings(new Dictionary<string, string?> { ["Alerts:StormLimit"] = "2" }));
        using var client = app.CreateClient();
        var alerts = string.Join(",", Enumerable.Range(0, 300).Select(i =>
            $$$"""{"title": "Check {{{i}}} failing", "status": "firing", "fingerprint": "check-{{{i}}}", "labels": {"alertname": "Check{{{i}}}"}}"""));

        var (_, storm) = await client.SendAsync("generic", System.Text.Encoding.UTF8.GetBytes($$"""{"alerts": [{{alerts}}]}"""));
        var (_, burst) = await client.SendAsync("generic", """{"title": "One more", "status": "firing", "fingerprint": "one-more", "labels": {"alertname": "OneMore"}}"""u8.ToArray());

        Assert.Equal(300, storm!["stored"]!.GetValue<int>());
        Assert.Equal(2, storm["incidents"]!.AsArray().Count);
        Assert.Equal(2, await DatabaseQuery.CountAsync(app, "SELECT COUNT(*) FROM incidents"));
        Assert.False(burst!["incidents"]![0]!["opened"]!.GetValue<bool>());
        var (_, timeline) = await client.GetJsonAsync($"/api/incidents/{burst["incidents"]![0]!["number"]}/timeline");
        Assert.Contains("Alert storm", timeline!.AsArray()[^1]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Alerts:Rules:0:Action", "page-everyone", "Alerts:Rules:0:Action is 'page-everyone'")]
    [InlineData("Alerts:Rules:0:Source", "nagios", "Alerts:Rules:0:Source names 'nagios'")]
    [InlineData("Alerts:Rules:0:Severity", "SEV9", "Alerts:Rules:0:Severity is 'SEV9'")]
    [InlineData("Alerts:Rules:0:Severities:warning", "urgent", "Alerts:Rules:0:Severities maps 'warning' to 'urgent'")]
    [InlineData("Alerts:GroupKey", " , ", "Alerts:GroupKey names no field")]
    public async Task ABadAlertsSettingStopsTheStartWithTheKeyNamed(string key, string value, string message)
    {
        using var app = new BotApp(settings: AlertWebhooks.Settings(new Dictionary<string, string?> { [key] = value }));

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Task.FromResult(app.CreateClient()));

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheExampleSettingsStartTheBotAndIgnoreStaging()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "appsettings.example.json")))
        {
            folder = folder.Parent!;
        }

        var example = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(folder.FullName, "appsettings.example.json")).Build();
        var settings = example.AsEnumerable().Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key, pair => pair.Value);
        using var app = new BotApp(settings: settings);
        using var client = app.CreateClient();

        var (response, body) = await client.SendAsync("generic", Generic("s", "critical", "Api", env: "staging"), secret: settings["Alerts:generic:Secret"]);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body!["ignored"]!.GetValue<int>());
    }

    private static byte[] Generic(string fingerprint, string severity, string alertname, string env = "prod") =>
        System.Text.Encoding.UTF8.GetBytes($$$"""
            {"title": "{{{alertname}}} {{{fingerprint}}}", "status": "firing", "severity": "{{{severity}}}", "fingerprint": "{{{fingerprint}}}",
             "labels": {"alertname": "{{{alertname}}}", "env": "{{{env}}}"}}
            """);
}
