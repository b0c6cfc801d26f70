namespace IncidentBot.Incidents;

/// <summary>A follow-up from an incident: <c>action &lt;text&gt; [@owner] [due YYYY-MM-DD]</c>.</summary>
public sealed record ActionItem(
    long Id,
    int IncidentNumber,
    string Text,
    string? Owner,
    DateOnly? Due,
    bool IsDone,
    string CreatedBy,
    DateTimeOffset CreatedAt);
