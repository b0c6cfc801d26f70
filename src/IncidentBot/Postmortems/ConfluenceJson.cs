using System.Text.Json.Serialization;

namespace IncidentBot.Postmortems;

/// <summary>The fields of Confluence's content JSON that IncidentBot reads (REST API v1, camelCase).</summary>
internal sealed record ConfluenceContent(string Id, string Title, ConfluenceVersionNumber? Version, [property: JsonPropertyName("_links")] ConfluenceLinks? Links);

internal sealed record ConfluenceVersionNumber(int Number);

internal sealed record ConfluenceLinks(string? Base, string? Webui);

internal sealed record ConfluenceResults(IReadOnlyList<ConfluenceContent> Results);

/// <summary>A page as IncidentBot knows it: id, title, current version number and its address for people.</summary>
internal sealed record ConfluencePage(string Id, string Title, int Version, string? Url);
