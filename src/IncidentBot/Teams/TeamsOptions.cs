using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Teams;

/// <summary>
/// The <c>Teams</c> section. Teams is on when the bot's app id and password are both set; its rooms are new channels
/// of <see cref="TeamId"/> (through Microsoft Graph) when that is set, else new threads in <see cref="IncidentsChannel"/>.
/// </summary>
public sealed class TeamsOptions : IValidatableObject
{
    public const string Section = "Teams";

    /// <summary>The issuer of every token the Bot Framework sends to bots.</summary>
    public const string Issuer = "https://api.botframework.com";

    /// <summary>The scope of the token the bot presents to the Bot Connector.</summary>
    public const string ConnectorScope = "https://api.botframework.com/.default";

    /// <summary>The scope of the token the bot presents to Microsoft Graph.</summary>
    public const string GraphScope = "https://graph.microsoft.com/.default";

    /// <summary>The bot's Microsoft App ID: the audience of the tokens it accepts, and its client id.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The bot's client secret.</summary>
    public string AppPassword { get; set; } = "";

    /// <summary>The Microsoft Entra tenant of the Team; needed for Graph and for creating conversations.</summary>
    public string TenantId { get; set; } = "";

    [Required]
    [Url]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The Team (its Microsoft 365 group id) whose new channels become incident rooms; empty: threads instead.</summary>
    public string TeamId { get; set; } = "";

    /// <summary>The channel conversation id (<c>19:…@thread.tacv2</c>) where each incident gets its own thread.</summary>
    public string IncidentsChannel { get; set; } = "";

    [Required]
    [Url]
    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0/";

    [Required]
    [Url]
    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    /// <summary>How long a card's command (an invoke) may take to be answered in the HTTP reply; after that the reply follows through the connector.</summary>
    [Range(100, 10_000)]
    public int InlineReplyMilliseconds { get; set; } = 4000;

    public bool Enabled => AppId.Length > 0 && AppPassword.Length > 0;

    /// <summary>Rooms are Graph channels of <see cref="TeamId"/>, not threads.</summary>
    public bool ChannelsPerIncident => TeamId.Length > 0;

    /// <summary>
    /// The tenant's own token endpoint, for Graph: <see cref="TokenEndpoint"/> with its tenant segment
    /// (<c>botframework.com</c>) replaced by <see cref="TenantId"/>; unchanged when it names no such segment.
    /// </summary>
    public Uri GraphTokenEndpoint
    {
        get
        {
            var endpoint = new Uri(TokenEndpoint);
            var segments = endpoint.AbsolutePath.Split('/');
            var at = Array.IndexOf(segments, "botframework.com");
            if (at < 0 || TenantId.Length == 0)
            {
                return endpoint;
            }

            segments[at] = Uri.EscapeDataString(TenantId);
            return new UriBuilder(endpoint) { Path = string.Join('/', segments) }.Uri;
        }
    }

    /// <summary>
    /// Tokens and secrets travel only over https; plain http is allowed for loopback addresses, where tests run their fakes.
    /// </summary>
    public static bool IsSafeAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((AppId.Length > 0) != (AppPassword.Length > 0))
        {
            yield return new ValidationResult(
                "Teams needs both Teams:AppId and Teams:AppPassword; set both to switch Teams on, or neither to leave it off.",
                [nameof(AppId), nameof(AppPassword)]);
        }

        foreach (var (name, url) in new[] { (nameof(OpenIdMetadataUrl), OpenIdMetadataUrl), (nameof(TokenEndpoint), TokenEndpoint), (nameof(GraphBaseUrl), GraphBaseUrl) })
        {
            if (!IsSafeAddress(url))
            {
                yield return new ValidationResult($"Teams:{name} must be an https address (plain http only on loopback, for tests).", [name]);
            }
        }

        if (Enabled && TeamId.Length == 0 && IncidentsChannel.Length == 0)
        {
            yield return new ValidationResult(
                "Teams needs a place for incident rooms: set Teams:TeamId (a new channel per incident, through Microsoft Graph) " +
                "or Teams:IncidentsChannel (a new thread per incident in that channel).",
                [nameof(TeamId), nameof(IncidentsChannel)]);
        }

        if (Enabled && TeamId.Length > 0 && TenantId.Length == 0)
        {
            yield return new ValidationResult("Teams:TeamId needs Teams:TenantId, the tenant whose Graph creates the channels.", [nameof(TenantId)]);
        }
    }
}
