using System.Text;

namespace IncidentBot.Alerts;

/// <summary>
/// The timeline text of alerts: one line per alert when a delivery brings a few, one summary line when it brings
/// many, so a storm does not flood the incident room.
/// </summary>
public static class AlertEntries
{
    /// <summary>The most alerts listed by title in one entry.</summary>
    public const int ListedAlerts = 3;

    public static string Fired(IReadOnlyList<Alert> alerts, string? stormNote) =>
        Describe("fired", alerts, stormNote);

    public static string Resolved(IReadOnlyList<Alert> alerts) => Describe("resolved", alerts, null);

    public static string AllResolved(string incidentKey, bool autoResolve) => autoResolve
        ? $"All alerts of {incidentKey} have resolved; the alert rule resolves the incident."
        : $"All alerts of {incidentKey} have resolved. The incident stays open until someone runs `resolve`.";

    /// <summary>The link an entry carries: the first runbook, else the first link to the alert's source.</summary>
    public static string? Link(IReadOnlyList<Alert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        return alerts.Select(a => a.RunbookUrl).FirstOrDefault(u => u is not null)
            ?? alerts.Select(a => a.SourceUrl).FirstOrDefault(u => u is not null);
    }

    private static string Describe(string what, IReadOnlyList<Alert> alerts, string? stormNote)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var text = new StringBuilder();
        if (alerts.Count == 1)
        {
            var alert = alerts[0];
            text.Append("Alert ").Append(what).Append(": ").Append(alert.Title).Append(" [").Append(alert.Level.Name()).Append(']');
            if (alert.Status == AlertStatus.Firing && !string.IsNullOrWhiteSpace(alert.Description) && alert.Description != alert.Title)
            {
                text.Append(" — ").Append(Shorten(alert.Description.Trim(), 300));
            }
        }
        else
        {
            text.Append(alerts.Count).Append(" alerts ").Append(what).Append(": ")
                .Append(string.Join("; ", alerts.Select(a => a.Title).Distinct(StringComparer.Ordinal).Take(ListedAlerts)));
            var distinct = alerts.Select(a => a.Title).Distinct(StringComparer.Ordinal).Count();
            if (distinct > ListedAlerts)
            {
                text.Append(" (+").Append(distinct - ListedAlerts).Append(" more)");
            }
        }

        var runbooks = alerts.Select(a => a.RunbookUrl).OfType<string>().Distinct(StringComparer.Ordinal).Take(ListedAlerts).ToList();
        if (runbooks.Count > 0 && alerts[0].Status == AlertStatus.Firing)
        {
            text.Append(runbooks.Count == 1 ? " · Runbook: " : " · Runbooks: ").Append(string.Join(", ", runbooks));
        }

        if (stormNote is not null)
        {
            text.Append(" · ").Append(stormNote);
        }

        return text.ToString();
    }

    internal static string Shorten(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)].TrimEnd() + "…";
}
