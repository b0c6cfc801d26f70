namespace IncidentBot.Alerts.Payloads;

/// <summary>
/// Grafana unified alerting's webhook contact point (<c>"version": "1"</c>): Alertmanager's shape plus Grafana's
/// own fields. The contact point's Test button sends <c>alertname=TestAlert, instance=Grafana</c>, which opens nothing.
/// </summary>
internal static class Grafana
{
    public static ParsedAlerts Parse(AlertPayload payload)
    {
        var parsed = PrometheusStyle.Parse(payload, requireVersion: null);
        var real = parsed.Alerts.Where(a => !IsTest(a)).ToList();
        return real.Count == 0 && parsed.Alerts.Count > 0
            ? ParsedAlerts.Nothing("Grafana test notification received; it opens no incident.")
            : parsed with { Alerts = real };
    }

    private static bool IsTest(Alert alert) => alert.Label("alertname") == "TestAlert" && alert.Label("instance") == "Grafana";
}
