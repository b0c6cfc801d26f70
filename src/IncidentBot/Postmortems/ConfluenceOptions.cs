namespace IncidentBot.Postmortems;

/// <summary>
/// The <c>Postmortems:Confluence</c> section: the site (<c>https://example.atlassian.net/wiki/</c>), the space the
/// pages go to, and an Atlassian account with an API token (sent as HTTP basic auth). All four, or none.
/// </summary>
public sealed class ConfluenceOptions
{
    public string BaseUrl { get; set; } = "";

    public string SpaceKey { get; set; } = "";

    public string User { get; set; } = "";

    public string ApiToken { get; set; } = "";

    /// <summary>Optional: the page new postmortem pages are created under.</summary>
    public string ParentPageId { get; set; } = "";

    /// <summary>Attempts for one call when Confluence answers 429 or 5xx.</summary>
    public int MaxAttempts { get; set; } = 3;

    public bool Enabled => BaseUrl.Length > 0 || SpaceKey.Length > 0 || User.Length > 0 || ApiToken.Length > 0;
}
