using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Support;

namespace IncidentBot.Alerts;

/// <summary>Each vendor's documented firing and resolved payloads, end to end.</summary>
public sealed class VendorWebhookTests : IDisposable
{
    private readonly BotApp _app = new(settings: AlertWebhooks.Settings());
    private readonly HttpClient _client;

    public VendorWebhookTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task GrafanasDocsExampleOpensAnIncidentPerAlertGroupAndItsResolutionClosesBothAlerts()
    {
        var (_, firing) = await SendOkAsync("grafana", "grafana-firing.json");
        var numbers = firing["incidents"]!.AsArray().Select(i => i!["number"]!.GetValue<int>()).ToList();
        Assert.Equal(2, numbers.Count);
        var (_, first) = await _client.GetJsonAsync($"/api/incidents/{numbers[0]}");
        Assert.Equal("This alert was triggered for zone us-1", first!["incident"]!["title"]!.GetValue<string>());
        Assert.Equal("2021-10-12T07:51:03.157Z", first["incident"]!["startedAt"]!.GetValue<string>());
        Assert.Equal("https://myrunbook.com/runbook/1234", first["alerts"]![0]!["runbookUrl"]!.GetValue<string>());

        var (_, resolved) = await SendOkAsync("grafana", "grafana-resolved.json");

        Assert.Equal(numbers, resolved["incidents"]!.AsArray().Select(i => i!["number"]!.GetValue<int>()));
        Assert.All(resolved["incidents"]!.AsArray(), i => Assert.True(i!["allResolved"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task GrafanasTestNotificationIsAnsweredAndOpensNothing()
    {
        var payload = AlertWebhooks.PayloadJson("grafana-firing.json");
        var alert = payload["alerts"]![0]!.DeepClone();
        alert["labels"] = new JsonObject { ["alertname"] = "TestAlert", ["instance"] = "Grafana" };
        alert["annotations"] = new JsonObject { ["summary"] = "Notification test" };
        payload["alerts"] = new JsonArray(alert);

        var (response, body) = await _client.SendAsync("grafana", AlertWebhooks.Bytes(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("test notification", body!["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await DatabaseQuery.CountAsync(_app, "SELECT COUNT(*) FROM incidents"));
    }

    [Fact]
    public async Task DatadogTriggeredOpensAndRecoveredResolvesTheSameMonitor()
    {
        var (_, triggered) = await SendOkAsync("datadog", "datadog-triggered.json");
        var number = triggered["incidents"]![0]!["number"]!.GetValue<int>();
        var (_, detail) = await _client.GetJsonAsync($"/api/incidents/{number}");
        Assert.Equal("CPU load is high", detail!["incident"]!["title"]!.GetValue<string>());
        Assert.Equal("SEV1", detail["incident"]!["severity"]!.GetValue<string>());
        Assert.Equal("checkout", detail["alerts"]![0]!["labels"]!["service"]!.GetValue<string>());

        var (_, recovered) = await SendOkAsync("datadog", "datadog-recovered.json");

        Assert.Equal(number, recovered["incidents"]![0]!["number"]!.GetValue<int>());
        Assert.Equal(1, recovered["incidents"]![0]!["resolved"]!.GetValue<int>());
        Assert.True(recovered["incidents"]![0]!["allResolved"]!.GetValue<bool>());
    }

    [Fact]
    public async Task DatadogsDefaultPayloadIsReadFromTheTitlePrefix()
    {
        var full = AlertWebhooks.PayloadJson("datadog-triggered.json");
        var defaults = new JsonObject();
        foreach (var key in new[] { "body", "last_updated", "event_type", "title", "date", "org", "id" })
        {
            defaults[key] = full[key]!.DeepClone();
        }

        var (response, body) = await _client.SendAsync("datadog", AlertWebhooks.Bytes(defaults));
        var recovered = defaults.DeepClone();
        recovered["title"] = "[Recovered on {host:web-01}] CPU load is high";
        recovered["date"] = "1789375590000";
        var (_, resolution) = await _client.SendAsync("datadog", AlertWebhooks.Bytes(recovered));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var number = body!["incidents"]![0]!["number"]!.GetValue<int>();
        var (_, detail) = await _client.GetJsonAsync($"/api/incidents/{number}");
        Assert.Equal("CPU load is high", detail!["incident"]!["title"]!.GetValue<string>());
        Assert.Equal("SEV2", detail["incident"]!["severity"]!.GetValue<string>());
        Assert.Equal(number, resolution!["incidents"]![0]!["number"]!.GetValue<int>());
    }

    [Fact]
    public async Task ADatadogTitleWithoutATransitionIsRefusedWithAdvice()
    {
        var payload = AlertWebhooks.PayloadJson("datadog-triggered.json");
        payload.AsObject().Remove("alert_transition");
        payload.AsObject().Remove("alert_title");
        payload["title"] = "CPU load is high";

        var (response, body) = await _client.SendAsync("datadog", AlertWebhooks.Bytes(payload));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$ALERT_TRANSITION", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagerDutyTriggeredOpensAndResolvedResolvesItsAlert()
    {
        var (_, triggered) = await SendOkAsync("pagerduty", "pagerduty-triggered.json");
        var number = triggered["incidents"]![0]!["number"]!.GetValue<int>();
        var (_, detail) = await _client.GetJsonAsync($"/api/incidents/{number}");
        Assert.Equal("SEV1", detail!["incident"]!["severity"]!.GetValue<string>());
        Assert.Equal("https://acme.pagerduty.com/incidents/PGR0VU2", detail["alerts"]![0]!["sourceUrl"]!.GetValue<string>());
        Assert.Equal("API Service", detail["alerts"]![0]!["labels"]!["service"]!.GetValue<string>());

        var (_, resolved) = await SendOkAsync("pagerduty", "pagerduty-resolved.json");

        Assert.Equal(number, resolved["incidents"]![0]!["number"]!.GetValue<int>());
        Assert.True(resolved["incidents"]![0]!["allResolved"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("incident.acknowledged")]
    [InlineData("pagey.ping")]
    [InlineData("service.updated")]
    public async Task PagerDutyEventsThatAreNotTriggersOrResolutionsAreAnswered2xxAndStoreNothing(string type)
    {
        var payload = AlertWebhooks.PayloadJson("pagerduty-triggered.json");
        payload["event"]!["event_type"] = type;

        var (response, body) = await _client.SendAsync("pagerduty", AlertWebhooks.Bytes(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(type, body!["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await DatabaseQuery.CountAsync(_app, "SELECT COUNT(*) FROM alerts"));
    }

    [Fact]
    public async Task SentryIssueCreatedOpensAndIssueResolvedResolvesIt()
    {
        var (_, created) = await SendOkAsync("sentry", "sentry-issue-created.json", "issue");
        var number = created["incidents"]![0]!["number"]!.GetValue<int>();
        var (_, detail) = await _client.GetJsonAsync($"/api/incidents/{number}");
        Assert.Equal("ReferenceError: blooopy is not defined", detail!["incident"]!["title"]!.GetValue<string>());
        Assert.Equal("SEV2", detail["incident"]!["severity"]!.GetValue<string>());
        Assert.Equal("https://test-org.sentry.io/issues/1170820242/", detail["alerts"]![0]!["sourceUrl"]!.GetValue<string>());

        var (_, resolved) = await SendOkAsync("sentry", "sentry-issue-resolved.json", "issue");

        Assert.Equal(number, resolved["incidents"]![0]!["number"]!.GetValue<int>());
        Assert.True(resolved["incidents"]![0]!["allResolved"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ASentryIssueAlertOpensAnIncidentNamedByTheEvent()
    {
        var (_, body) = await SendOkAsync("sentry", "sentry-event-alert.json", "event_alert");

        var number = body["incidents"]![0]!["number"]!.GetValue<int>();
        var (_, detail) = await _client.GetJsonAsync($"/api/incidents/{number}");
        Assert.Equal("ReferenceError: heck is not defined", detail!["incident"]!["title"]!.GetValue<string>());
        Assert.Equal("2019-08-19T21:06:17.677Z", detail["incident"]!["startedAt"]!.GetValue<string>());
        Assert.Equal("Very Important Alert Rule!", detail["alerts"]![0]!["labels"]!["alertname"]!.GetValue<string>());
        Assert.Equal("Chrome", detail["alerts"]![0]!["labels"]!["browser.name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ASentryMetricAlertResolutionNeverSeenFiringIsRecordedOnly()
    {
        var (_, body) = await SendOkAsync("sentry", "sentry-metric-alert-resolved.json", "metric_alert");

        Assert.Equal(1, body["stored"]!.GetValue<int>());
        Assert.Equal(1, body["unmatched"]!.GetValue<int>());
        Assert.Empty(body["incidents"]!.AsArray());
        Assert.Equal(1, await DatabaseQuery.CountAsync(_app, "SELECT COUNT(*) FROM alerts WHERE decision = 'unmatched'"));
    }

    [Fact]
    public async Task SentryInstallationWebhooksAreAnsweredAndStoreNothing()
    {
        var (response, body) = await _client.SendAsync("sentry", """{"action":"created","installation":{"uuid":"a8e5d37a"},"data":{"installation":{}},"actor":{}}"""u8.ToArray(),
            adjust: r => r.Headers.Add("Sentry-Hook-Resource", "installation"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("installation", body!["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpsgenieCreateOpensAndCloseResolves()
    {
        var (_, created) = await SendOkAsync("opsgenie", "opsgenie-create.json");
        var number = created["incidents"]![0]!["number"]!.GetValue<int>();
        var (_, detail) = await _client.GetJsonAsync($"/api/incidents/{number}");
        Assert.Equal("[checkout-api] High 5xx error rate (7.3%)", detail!["incident"]!["title"]!.GetValue<string>());
        Assert.Equal("SEV1", detail["incident"]!["severity"]!.GetValue<string>());
        Assert.Equal("https://runbooks.example.com/checkout/high-error-rate", detail["alerts"]![0]!["runbookUrl"]!.GetValue<string>());
        Assert.Equal("checkout", detail["alerts"]![0]!["labels"]!["service"]!.GetValue<string>());

        var (_, closed) = await SendOkAsync("opsgenie", "opsgenie-close.json");

        Assert.Equal(number, closed["incidents"]![0]!["number"]!.GetValue<int>());
        Assert.True(closed["incidents"]![0]!["allResolved"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AnOpsgenieAcknowledgeOpensNothing()
    {
        var payload = AlertWebhooks.PayloadJson("opsgenie-create.json");
        payload["action"] = "Acknowledge";

        var (response, body) = await _client.SendAsync("opsgenie", AlertWebhooks.Bytes(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, body!["stored"]!.GetValue<int>());
    }

    [Fact]
    public async Task MackerelWithBasicAuthInTheUrlOpensOnCriticalAndResolvesOnOk()
    {
        var secret = AlertWebhooks.SecretOf("mackerel");
        void Basic(HttpRequestMessage r) =>
            r.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("mackerel:" + secret)));

        var (_, alert) = await _client.SendAsync("mackerel", AlertWebhooks.Payload("mackerel-alert.json"), adjust: Basic);
        var number = alert!["incidents"]![0]!["number"]!.GetValue<int>();
        var (_, detail) = await _client.GetJsonAsync($"/api/incidents/{number}");
        Assert.Equal("Load average (5m) on app01", detail!["incident"]!["title"]!.GetValue<string>());
        Assert.Equal("SEV1", detail["incident"]!["severity"]!.GetValue<string>());
        Assert.Equal("https://runbooks.example.com/app01-load", detail["alerts"]![0]!["runbookUrl"]!.GetValue<string>());
        Assert.Equal("checkout", detail["alerts"]![0]!["labels"]!["service"]!.GetValue<string>());

        var (_, ok) = await _client.SendAsync("mackerel", AlertWebhooks.Payload("mackerel-ok.json"), adjust: Basic);

        Assert.Equal(number, ok!["incidents"]![0]!["number"]!.GetValue<int>());
        Assert.True(ok["incidents"]![0]!["allResolved"]!.GetValue<bool>());
    }

    [Fact]
    public async Task MackerelsVerbatimDocsExampleAndItsSampleNotificationAreAccepted()
    {
        var (_, docs) = await SendOkAsync("mackerel", "mackerel-alert-docs-verbatim.json");
        var (sample, body) = await _client.SendAsync("mackerel", """{"message":"Sample Notification from Mackerel","event":"sample"}"""u8.ToArray());

        Assert.Equal(1, docs["stored"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, sample.StatusCode);
        Assert.Equal(0, body!["stored"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheGenericShapeTakesOneAlertOrAList()
    {
        var (one, single) = await _client.SendAsync("generic", """
            {"title": "Order queue backlog above 10k", "status": "firing", "severity": "critical",
             "fingerprint": "orders-queue-backlog", "startsAt": "2025-03-04T13:05:00.250Z", "endsAt": null,
             "labels": {"alertname": "OrdersQueueBacklog", "service": "orders"},
             "description": "queue depth is 12,480 and growing", "runbook_url": "https://runbooks.example.com/orders", "source_url": "https://grafana.example.com/d/orders"}
            """u8.ToArray());
        var (many, list) = await _client.SendAsync("generic", """
            {"alerts": [
              {"title": "Order queue backlog above 10k", "status": "resolved", "fingerprint": "orders-queue-backlog", "startsAt": "2025-03-04T13:05:00.250Z", "labels": {"alertname": "OrdersQueueBacklog", "service": "orders"}},
              {"title": "Payments latency", "status": "firing", "severity": "warning", "fingerprint": "payments-latency", "labels": {"alertname": "PaymentsLatency"}}
            ]}
            """u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, many.StatusCode);
        var number = single!["incidents"]![0]!["number"]!.GetValue<int>();
        var (_, detail) = await _client.GetJsonAsync($"/api/incidents/{number}");
        Assert.Equal("2025-03-04T13:05:00.250Z", detail!["incident"]!["startedAt"]!.GetValue<string>());
        Assert.Equal(2, list!["stored"]!.GetValue<int>());
        Assert.Equal(2, list["incidents"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("""{"status": "firing", "fingerprint": "x"}""", "title is missing.")]
    [InlineData("""{"title": "t", "status": "burning", "fingerprint": "x"}""", "status must be \"firing\" or \"resolved\", got \"burning\".")]
    [InlineData("""{"title": "t", "status": "firing", "fingerprint": "x", "severity": "apocalyptic"}""", "severity must be critical, error, warning or info")]
    [InlineData("""{"alerts": [{"title": "t", "status": "firing", "fingerprint": "x", "startsAt": "yesterday"}]}""", "alerts[0].startsAt must be an RFC 3339 time, got \"yesterday\".")]
    [InlineData("""{"alerts": {"title": "t"}}""", "alerts must be an array, got an object.")]
    public async Task AGenericAlertOutsideTheDocumentedShapeIsRefusedNamingTheField(string json, string message)
    {
        var (response, body) = await _client.SendAsync("generic", System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await DatabaseQuery.CountAsync(_app, "SELECT COUNT(*) FROM alerts"));
    }

    private async Task<(HttpResponseMessage Response, JsonNode Body)> SendOkAsync(string source, string file, string? sentryResource = null)
    {
        var (response, body) = await _client.SendAsync(source, AlertWebhooks.Payload(file),
            adjust: sentryResource is null ? null : r => r.Headers.Add("Sentry-Hook-Resource", sentryResource));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{source} {file}: {(int)response.StatusCode} {body}");
        return (response, body!);
    }
}
