namespace IncidentBot.Incidents;

/// <summary>
/// A follow-up from an incident: <c>action &lt;text&gt; [@owner] [due YYYY-MM-DD]</c>, with its <see cref="ActionKind"/>
/// when written or when the words tell it.
/// </summary>
public sealed record ActionItem(
    long Id,
    int IncidentNumber,
    string Text,
    string? Owner,
    DateOnly? Due,
    bool IsDone,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    ActionKind? Kind = null);
