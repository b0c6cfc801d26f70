namespace IncidentBot.Api;

/// <summary>The <c>Api</c> section.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// Bearer token for the JSON API and the dashboard. Required when the server listens beyond loopback;
    /// when set, always required.
    /// </summary>
    public string Token { get; set; } = "";
}
