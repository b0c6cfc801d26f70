using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace IncidentBot.Teams;

/// <summary>
/// Checks the bearer token the Bot Framework puts on every activity, as its documents ask: signed by a key of the
/// OpenID metadata's <c>jwks_uri</c>, issued by <c>https://api.botframework.com</c> for our app id, within its lifetime
/// (five minutes' skew, as the Bot Framework SDKs allow). The keys are cached; a token signed with a key we do not know
/// fetches the metadata again (at most once per <see cref="ForcedRefreshInterval"/>), since that is how key rollover looks.
/// </summary>
internal sealed partial class TeamsAuthentication : IDisposable
{
    public const string MetadataClient = "teams-openid";

    /// <summary>How often an unknown key may make us fetch the metadata again; keeps forged tokens from hammering it.</summary>
    public static readonly TimeSpan ForcedRefreshInterval = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly IHttpClientFactory _http;
    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TeamsAuthentication> _logger;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private DateTimeOffset? _lastForcedRefresh;

    public TeamsAuthentication(IHttpClientFactory http, IOptions<TeamsOptions> options, TimeProvider time, ILogger<TeamsAuthentication> logger)
    {
        _http = http;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _metadata = NewMetadata();
    }

    /// <summary>The caller behind a valid token: the <c>serviceurl</c> it was issued for, and the channels its key may speak for.</summary>
    internal sealed record Caller(string? ServiceUrl, IReadOnlyList<string>? Endorsements);

    /// <summary>The caller, or why the <c>Authorization</c> header does not prove one.</summary>
    public async Task<(Caller? Caller, string? Refusal)> ValidateAsync(string? authorization, CancellationToken cancellationToken)
    {
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return (null, "no bearer token");
        }

        var token = authorization[Scheme.Length..].Trim();
        string kid;
        try
        {
            kid = _handler.ReadJsonWebToken(token).Kid ?? "";
        }
        catch (ArgumentException)
        {
            return (null, "the token is not a JWT");
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await KeysForAsync(kid, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception)
        {
            LogMetadataUnavailable(_logger, exception);
            return (null, "the signing keys could not be fetched");
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = TeamsOptions.Issuer,
            ValidAudience = _options.AppId,
            IssuerSigningKeys = configuration.SigningKeys,
            TryAllIssuerSigningKeys = false,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return (null, Reason(result.Exception));
        }

        var serviceUrl = result.ClaimsIdentity.Claims.FirstOrDefault(c => string.Equals(c.Type, "serviceurl", StringComparison.OrdinalIgnoreCase))?.Value;
        return (new Caller(serviceUrl, Endorsements(configuration, kid)), null);
    }

    public void Dispose() => _refresh.Dispose();

    private async Task<OpenIdConnectConfiguration> KeysForAsync(string kid, CancellationToken cancellationToken)
    {
        var configuration = await _metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        if (Knows(configuration, kid))
        {
            return configuration;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            configuration = await _metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            if (Knows(configuration, kid) || (_lastForcedRefresh is { } last && now - last < ForcedRefreshInterval))
            {
                return configuration;
            }

            // A fresh manager fetches at once; RequestRefresh on the old one would refresh in the background, too late for this token.
            _lastForcedRefresh = now;
            var fresh = NewMetadata();
            configuration = await fresh.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            _metadata = fresh;
            return configuration;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private ConfigurationManager<OpenIdConnectConfiguration> NewMetadata()
    {
        var url = _options.OpenIdMetadataUrl;
        var retriever = new HttpDocumentRetriever(_http.CreateClient(MetadataClient))
        {
            RequireHttps = !url.StartsWith("http://", StringComparison.OrdinalIgnoreCase),
        };
        return new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    private static bool Knows(OpenIdConnectConfiguration configuration, string kid) =>
        configuration.SigningKeys.Any(k => k.KeyId == kid);

    /// <summary>The channels (<c>msteams</c> …) the key's <c>endorsements</c> list, or null when it lists none.</summary>
    private static IReadOnlyList<string>? Endorsements(OpenIdConnectConfiguration configuration, string kid)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return null;
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(e => e.ToString())],
            IEnumerable<object> items => [.. items.Select(i => i?.ToString() ?? "")],
            _ => [],
        };
    }

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidIssuerException => "the token has another issuer",
        SecurityTokenInvalidAudienceException => "the token is for another audience",
        SecurityTokenSignatureKeyNotFoundException => "the token is signed with an unknown key",
        SecurityTokenInvalidSignatureException => "the token's signature is wrong",
        SecurityTokenNoExpirationException => "the token has no expiry",
        SecurityTokenInvalidAlgorithmException => "the token uses another algorithm",
        _ => "the token is not valid",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "The Bot Framework's OpenID metadata or signing keys could not be fetched")]
    private static partial void LogMetadataUnavailable(ILogger logger, Exception exception);
}
