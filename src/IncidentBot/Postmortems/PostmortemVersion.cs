namespace IncidentBot.Postmortems;

/// <summary>
/// One export of one draft version: a file (<c>md</c>, <c>html</c>, <c>docx</c>) with the hash of the bytes written, or a
/// Confluence page (<c>confluence</c>, <c>confluence_draft</c>) with the page version written.
/// </summary>
internal sealed record PostmortemVersion(
    int IncidentNumber,
    int Version,
    string Format,
    string Hash,
    string Path,
    string? ConfluencePageId,
    int? ConfluenceVersion,
    DateTimeOffset CreatedAt);
