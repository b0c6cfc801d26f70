using System.Globalization;
using IncidentBot.Alerts;

namespace IncidentBot.Dashboard;

/// <summary>The Alerts section of an incident's page: every alert notification that opened, joined or resolved in it.</summary>
internal static class DashboardAlerts
{
    public static void Section(Html html, IncidentAlerts alerts)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(alerts);
        var firing = alerts.Alerts.Where(a => a.Alert.Status == AlertStatus.Firing).Select(a => a.Alert.Fingerprint)
            .Except(alerts.Alerts.Where(a => a.Alert.Status == AlertStatus.Resolved).Select(a => a.Alert.Fingerprint)).Count();
        html.Raw($"<section><h2>Alerts ({alerts.Total})</h2>");
        if (alerts.Total == 0)
        {
            html.Raw("<p class=\"muted\">No alert is attached to this incident.</p></section>");
            return;
        }

        html.Raw("<table id=\"alerts\"><thead><tr><th>Received (UTC)</th><th>Source</th><th>Status</th><th>Severity</th>")
            .Raw("<th>Alert</th><th>Started</th><th>Ended</th><th>Links</th></tr></thead><tbody>");
        foreach (var stored in alerts.Alerts)
        {
            var alert = stored.Alert;
            html.Raw($"<tr data-id=\"{stored.Id}\" data-status=\"{alert.Status.Name()}\">")
                .Element("td", Time(stored.ReceivedAt), "when")
                .Element("td", alert.Source)
                .Raw("<td>").Element("span", alert.Status.Name(), $"badge alert-{alert.Status.Name()}").Raw("</td>")
                .Element("td", alert.Level.Name())
                .Raw("<td>").Text(alert.Title);
            if (alert.Description is { } description && description != alert.Title)
            {
                html.Raw("<br><span class=\"muted\">").Text(description).Raw("</span>");
            }

            html.Raw("</td>").Element("td", Time(alert.StartsAt), "when").Element("td", alert.EndsAt is { } end ? Time(end) : "—", "when").Raw("<td>");
            Link(html, "runbook", alert.RunbookUrl);
            Link(html, "source", alert.SourceUrl);
            html.Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
        if (alerts.Total > alerts.Alerts.Count)
        {
            html.Raw("<p class=\"muted\">").Text($"Showing the first {alerts.Alerts.Count} of {alerts.Total} alerts.").Raw("</p>");
        }

        html.Raw("<p class=\"muted\" id=\"alerts-firing\">").Text(firing == 0 ? "No alert is firing." : $"{firing} still firing.").Raw("</p></section>");
    }

    /// <summary>Only http(s) links become anchors: a source could send any text as a URL.</summary>
    private static void Link(Html html, string label, string? url)
    {
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            html.Raw($"<a href=\"{Html.Attribute(uri.AbsoluteUri)}\" rel=\"noopener noreferrer\">").Text(label).Raw("</a> ");
        }
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
