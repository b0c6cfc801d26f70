namespace IncidentBot.Alerts;

/// <summary>The answer to a webhook: what was stored, what was a redelivery, and which incidents the alerts went to.</summary>
internal sealed record AlertReceiptJson(
    string Source,
    int Received,
    int Stored,
    int Duplicates,
    int Ignored,
    int Unmatched,
    IReadOnlyList<AlertIncidentJson> Incidents,
    string? Note)
{
    public static AlertReceiptJson Of(string source, IntakeOutcome outcome, string? note) => new(
        source, outcome.Received, outcome.Stored, outcome.Duplicates, outcome.Ignored, outcome.Unmatched,
        outcome.Incidents.Select(i => new AlertIncidentJson(i.Number, "INC-" + i.Number, i.Opened, i.Fired, i.Resolved, i.AllResolved, i.AutoResolved)).ToList(),
        note);
}

internal sealed record AlertIncidentJson(int Number, string Key, bool Opened, int Fired, int Resolved, bool AllResolved, bool AutoResolved);

/// <summary>An alert as the JSON API shows it with its incident.</summary>
internal sealed record AlertJson(
    long Id,
    string Source,
    string Fingerprint,
    string Status,
    string Title,
    string Severity,
    string StartsAt,
    string? EndsAt,
    IReadOnlyDictionary<string, string> Labels,
    string? Description,
    string? RunbookUrl,
    string? SourceUrl,
    string? Decision,
    string ReceivedAt)
{
    public static AlertJson Of(StoredAlert stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var a = stored.Alert;
        return new AlertJson(
            stored.Id, a.Source, a.Fingerprint, a.Status.Name(), a.Title, a.Level.Name(), Timeline.Instants.Format(a.StartsAt),
            a.EndsAt is { } end ? Timeline.Instants.Format(end) : null, a.Labels, a.Description, a.RunbookUrl, a.SourceUrl,
            stored.Decision?.Name(), Timeline.Instants.Format(stored.ReceivedAt));
    }
}
