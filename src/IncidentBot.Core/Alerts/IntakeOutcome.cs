namespace IncidentBot.Alerts;

/// <summary>What one webhook delivery did: how many notifications were stored, redelivered or ignored, and where they went.</summary>
public sealed record IntakeOutcome(
    int Received,
    int Stored,
    int Duplicates,
    int Ignored,
    int Unmatched,
    IReadOnlyList<IncidentTouch> Incidents);

/// <summary>One incident a delivery touched: opened by it or joined, with the alerts that fired and resolved in it.</summary>
public sealed record IncidentTouch(
    int Number,
    bool Opened,
    int Fired,
    int Resolved,
    bool AllResolved,
    bool AutoResolved);
