using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IncidentBot.Api;

/// <summary>
/// Who may read and drive the API and the dashboard: anyone when the server listens on loopback only and no token is
/// set; otherwise whoever presents <c>Api:Token</c> as a bearer token (or the dashboard's cookie holding it).
/// </summary>
internal sealed class ApiAccess(IOptions<ApiOptions> options, IServer server)
{
    public const string CookieName = "incidentbot_token";

    // Only the token's hash is kept and compared, so the comparison takes the same time whatever the lengths.
    private readonly byte[] _tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Token));

    public bool TokenSet { get; } = options.Value.Token.Length > 0;

    private volatile int _beyondLoopback = -1;

    /// <summary>Whether a token must be presented. The addresses are read once the server has them.</summary>
    public bool TokenRequired => TokenSet || ListensBeyondLoopbackNow;

    /// <summary>Whether the server listens on an address beyond loopback. The addresses are read once the server has them.</summary>
    public bool ListensBeyondLoopbackNow => BeyondLoopback();

    private bool BeyondLoopback()
    {
        if (_beyondLoopback >= 0)
        {
            return _beyondLoopback == 1;
        }

        var addresses = Addresses();
        var beyond = ListensBeyondLoopback(addresses);
        if (addresses.Count > 0)
        {
            _beyondLoopback = beyond ? 1 : 0;
        }

        return beyond;
    }

    public bool Allows(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return !TokenRequired || Presents(context);
    }

    /// <summary>Whether the request carries the token, as a bearer token or in the dashboard's cookie.</summary>
    public bool Presents(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : context.Request.Cookies[CookieName];
        return Matches(presented);
    }

    public bool Matches(string? presented) =>
        TokenSet && presented is { Length: > 0 } &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _tokenHash);

    public IReadOnlyCollection<string> Addresses() =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses is { } addresses ? [.. addresses] : [];

    /// <summary>True when any address is a wildcard (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) or a non-loopback host.</summary>
    public static bool ListensBeyondLoopback(IEnumerable<string> addresses)
    {
        foreach (var address in addresses)
        {
            var host = address;
            var scheme = host.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0)
            {
                host = host[(scheme + 3)..];
            }

            var slash = host.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                host = host[..slash];
            }

            host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
            var loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
                           (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback)
            {
                return true;
            }
        }

        return false;
    }
}
