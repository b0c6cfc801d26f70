using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Support;

namespace IncidentBot.Alerts;

public sealed class AlertmanagerWebhookTests : IDisposable
{
    private readonly BotApp _app = new(settings: AlertWebhooks.Settings());
    private readonly HttpClient _client;

    public AlertmanagerWebhookTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AFiringAlertOpensAnIncidentWithTheAlertsInstantsSeverityAndRunbook()
    {
        var (response, body) = await _client.SendAsync("alertmanager", AlertWebhooks.Payload("alertmanager-firing.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body!["stored"]!.GetValue<int>());
        var opened = body["incidents"]![0]!;
        Assert.True(opened["opened"]!.GetValue<bool>());
        var number = opened["number"]!.GetValue<int>();

        var (_, detail) = await _client.GetJsonAsync($"/api/incidents/{number}");
        var incident = detail!["incident"]!;
        Assert.Equal("High 5xx error rate on checkout-api", incident["title"]!.GetValue<string>());
        Assert.Equal("SEV1", incident["severity"]!.GetValue<string>());
        Assert.Equal("2026-09-14T08:21:30.123Z", incident["startedAt"]!.GetValue<string>());
        Assert.Equal("2026-09-14T08:21:30.123Z", incident["detectedAt"]!.GetValue<string>());
        Assert.Equal("alertmanager", incident["declaredBy"]!.GetValue<string>());
        var alert = detail["alerts"]![0]!;
        Assert.Equal("4f3a8d0b2c9e1a77", alert["fingerprint"]!.GetValue<string>());
        Assert.Equal("checkout-api", alert["labels"]!["job"]!.GetValue<string>());

        var (_, timeline) = await _client.GetJsonAsync($"/api/incidents/{number}/timeline");
        Assert.Equal(["declared", "alert_fired"], timeline!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
        var fired = timeline[1]!;
        Assert.Equal("https://runbooks.example.com/checkout/high-error-rate", fired["link"]!.GetValue<string>());
        Assert.Contains("High 5xx error rate on checkout-api", fired["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Runbook: https://runbooks.example.com/checkout/high-error-rate", fired["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheResolvedAlertIsNotedAndTheRoomIsToldAllAlertsResolvedButTheIncidentStaysOpen()
    {
        var (_, firing) = await _client.SendAsync("alertmanager", AlertWebhooks.Payload("alertmanager-firing.json"));
        var number = firing!["incidents"]![0]!["number"]!.GetValue<int>();

        var (response, body) = await _client.SendAsync("alertmanager", AlertWebhooks.Payload("alertmanager-resolved.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var touched = body!["incidents"]![0]!;
        Assert.Equal(number, touched["number"]!.GetValue<int>());
        Assert.False(touched["opened"]!.GetValue<bool>());
        Assert.True(touched["allResolved"]!.GetValue<bool>());
        var (_, timeline) = await _client.GetJsonAsync($"/api/incidents/{number}/timeline");
        var entries = timeline!.AsArray();
        Assert.Equal(["declared", "alert_fired", "alert_resolved", "alert_resolved"], entries.Select(e => e!["kind"]!.GetValue<string>()));
        Assert.StartsWith("Alert resolved: High 5xx error rate on checkout-api", entries[2]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($"All alerts of INC-{number} have resolved", entries[3]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var (_, detail) = await _client.GetJsonAsync($"/api/incidents/{number}");
        Assert.Equal("investigating", detail!["incident"]!["status"]!.GetValue<string>());
        Assert.Equal("2026-09-14T08:46:30.123Z", detail["alerts"]![1]!["endsAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARedeliveryIsStoredOnceAndOpensNothingMore()
    {
        var payload = AlertWebhooks.Payload("alertmanager-firing.json");
        await _client.SendAsync("alertmanager", payload);

        var (response, body) = await _client.SendAsync("alertmanager", payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, body!["stored"]!.GetValue<int>());
        Assert.Equal(1, body["duplicates"]!.GetValue<int>());
        Assert.Empty(body["incidents"]!.AsArray());
        Assert.Equal(1, await DatabaseQuery.CountAsync(_app, "SELECT COUNT(*) FROM alerts WHERE starts_at = '2026-09-14T08:21:30.123Z'"));
        Assert.Equal(1, await DatabaseQuery.CountAsync(_app, "SELECT COUNT(*) FROM incidents"));
        Assert.Equal(2, await DatabaseQuery.CountAsync(_app, "SELECT COUNT(*) FROM timeline_entries"));
    }

    [Fact]
    public async Task TheSameAlertTwiceInOnePayloadIsStoredOnce()
    {
        var payload = AlertWebhooks.PayloadJson("alertmanager-firing.json");
        payload["alerts"]!.AsArray().Add(payload["alerts"]![0]!.DeepClone());

        var (_, body) = await _client.SendAsync("alertmanager", AlertWebhooks.Bytes(payload));

        Assert.Equal(1, body!["stored"]!.GetValue<int>());
        Assert.Equal(1, body["duplicates"]!.GetValue<int>());
        Assert.Equal(1, await DatabaseQuery.CountAsync(_app, "SELECT COUNT(*) FROM alerts WHERE decision = 'opened'"));
    }

    [Fact]
    public async Task AStormOfFiveHundredAlertsInOneGroupOpensOneIncidentAndRecordsEveryAlert()
    {
        var (response, body) = await _client.SendAsync("alertmanager", AlertWebhooks.AlertmanagerGroup("NodeDown", 500));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(500, body!["stored"]!.GetValue<int>());
        var incidents = body["incidents"]!.AsArray();
        Assert.Single(incidents);
        Assert.Equal(500, incidents[0]!["fired"]!.GetValue<int>());
        var number = incidents[0]!["number"]!.GetValue<int>();
        Assert.Equal(1, await DatabaseQuery.CountAsync(_app, "SELECT COUNT(*) FROM incidents"));
        Assert.Equal(500, await DatabaseQuery.CountAsync(_app, $"SELECT COUNT(*) FROM alerts WHERE incident_number = {number}"));
        var (_, timeline) = await _client.GetJsonAsync($"/api/incidents/{number}/timeline");
        Assert.Equal(2, timeline!.AsArray().Count);
        Assert.StartsWith("500 alerts fired: NodeDown on node-0; NodeDown on node-1; NodeDown on node-2 (+497 more)", timeline[1]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var (_, detail) = await _client.GetJsonAsync($"/api/incidents/{number}");
        Assert.Equal(500, detail!["alertsTotal"]!.GetValue<int>());
    }

    [Fact]
    public async Task ALaterAlertOfTheSameGroupJoinsTheOpenIncidentAndAnUnrelatedOneOpensASecond()
    {
        var (_, first) = await _client.SendAsync("alertmanager", AlertWebhooks.AlertmanagerGroup("NodeDown", 3));
        var (_, same) = await _client.SendAsync("alertmanager", AlertWebhooks.AlertmanagerGroup("NodeDown", 5));
        var (_, unrelated) = await _client.SendAsync("alertmanager", AlertWebhooks.AlertmanagerGroup("DiskFull", 1, severity: "warning"));

        var number = first!["incidents"]![0]!["number"]!.GetValue<int>();
        Assert.Equal(number, same!["incidents"]![0]!["number"]!.GetValue<int>());
        Assert.False(same["incidents"]![0]!["opened"]!.GetValue<bool>());
        Assert.Equal(2, same["stored"]!.GetValue<int>());
        Assert.Equal(3, same["duplicates"]!.GetValue<int>());
        var second = unrelated!["incidents"]![0]!;
        Assert.True(second["opened"]!.GetValue<bool>());
        Assert.NotEqual(number, second["number"]!.GetValue<int>());
        var (_, detail) = await _client.GetJsonAsync($"/api/incidents/{second["number"]}");
        Assert.Equal("SEV3", detail!["incident"]!["severity"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAlertOfAResolvedIncidentsGroupOpensANewIncident()
    {
        var (_, first) = await _client.SendAsync("alertmanager", AlertWebhooks.AlertmanagerGroup("NodeDown", 1));
        var number = first!["incidents"]![0]!["number"]!.GetValue<int>();
        await _client.CommandAsync(number, "resolve");

        var later = new DateTimeOffset(2026, 9, 15, 1, 0, 0, TimeSpan.Zero);
        var (_, again) = await _client.SendAsync("alertmanager", AlertWebhooks.AlertmanagerGroup("NodeDown", 1, startsAt: later));

        Assert.True(again!["incidents"]![0]!["opened"]!.GetValue<bool>());
        Assert.NotEqual(number, again["incidents"]![0]!["number"]!.GetValue<int>());
    }

    [Fact]
    public async Task BasicAuthPasswordAndTheTokenQueryParameterAreAccepted()
    {
        var secret = AlertWebhooks.SecretOf("alertmanager");
        var (basic, _) = await _client.SendAsync("alertmanager", AlertWebhooks.AlertmanagerGroup("A", 1), adjust: r =>
            r.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("alertmanager:" + secret))));
        var (query, _) = await _client.SendAsync("alertmanager", AlertWebhooks.AlertmanagerGroup("B", 1), adjust: r =>
        {
            r.Headers.Authorization = null;
            r.RequestUri = new Uri($"/webhooks/alerts/alertmanager?token={Uri.EscapeDataString(secret)}", UriKind.Relative);
        });

        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
    }

    [Fact]
    public async Task ACustomPayloadTemplateIsRefusedWithTheReason()
    {
        var payload = AlertWebhooks.PayloadJson("alertmanager-firing.json");
        payload["version"] = "3";
        var before = await DatabaseSnapshot.TakeAsync(_app);

        var (response, body) = await _client.SendAsync("alertmanager", AlertWebhooks.Bytes(payload));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("version must be \"4\"", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_app));
    }

    [Fact]
    public async Task AMissingFieldIsNamedPrecisely()
    {
        var payload = AlertWebhooks.PayloadJson("alertmanager-firing.json");
        payload["alerts"]![0]!.AsObject().Remove("startsAt");

        var (response, body) = await _client.SendAsync("alertmanager", AlertWebhooks.Bytes(payload));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("alerts[0].startsAt is missing.", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
