namespace IncidentBot.Alerts;

/// <summary>
/// One alert notification, normalised from whatever its source posted. <see cref="Source"/> and
/// <see cref="Fingerprint"/> name the alert; with <see cref="Status"/> and <see cref="StartsAt"/> they name one
/// notification, so a redelivery is recognised and stored once.
/// </summary>
public sealed record Alert(
    string Source,
    string Fingerprint,
    AlertStatus Status,
    string Title,
    AlertLevel Level,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    IReadOnlyDictionary<string, string> Labels,
    string? Description = null,
    string? RunbookUrl = null,
    string? SourceUrl = null,
    DateTimeOffset? DetectedAt = null)
{
    /// <summary>The longest title kept; sources can post whole messages as titles.</summary>
    public const int MaxTitleLength = 500;

    public string? Label(string name) => Labels.TryGetValue(name, out var value) ? value : null;
}
