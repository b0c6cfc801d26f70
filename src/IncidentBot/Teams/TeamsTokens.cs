using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using IncidentBot.Chat;
using Microsoft.Extensions.Options;

namespace IncidentBot.Teams;

/// <summary>
/// The bot's own access tokens, by the OAuth 2.0 client-credentials grant (<c>grant_type=client_credentials</c>,
/// <c>client_id</c>, <c>client_secret</c>, <c>scope</c>) as Microsoft's identity platform documents it: one for the Bot
/// Connector from <see cref="TeamsOptions.TokenEndpoint"/>, one for Graph from the tenant's endpoint. Each is kept until
/// five minutes before it expires. (MSAL is not used: it refuses any authority that is not https, so it could not be
/// pointed at the plain-http loopback fakes the tests and DESIGN.md's <c>Teams:TokenEndpoint</c> call for.)
/// </summary>
internal sealed class TeamsTokens(IHttpClientFactory http, IOptions<TeamsOptions> options, TimeProvider time) : IDisposable
{
    public const string Client = "teams-token";

    private static readonly TimeSpan EarlyRenewal = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset RenewAt)> _cache = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<string> TokenAsync(string scope, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(scope, out var cached) && time.GetUtcNow() < cached.RenewAt)
        {
            return cached.Token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cache.TryGetValue(scope, out cached) && time.GetUtcNow() < cached.RenewAt)
            {
                return cached.Token;
            }

            var (token, lifetime) = await RequestAsync(scope, cancellationToken).ConfigureAwait(false);
            _cache[scope] = (token, time.GetUtcNow() + lifetime - (lifetime > EarlyRenewal * 2 ? EarlyRenewal : lifetime / 2));
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Forgets a token the platform no longer accepts (HTTP 401), so the next call asks for a new one.</summary>
    public void Forget(string scope) => _cache.TryRemove(scope, out _);

    private async Task<(string Token, TimeSpan Lifetime)> RequestAsync(string scope, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var endpoint = scope == TeamsOptions.GraphScope ? settings.GraphTokenEndpoint : new Uri(settings.TokenEndpoint);
        using var client = http.CreateClient(Client);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.AppId,
                ["client_secret"] = settings.AppPassword,
                ["scope"] = scope,
            }),
        };
        using (var response = await ChatHttp.SendAsync(client, request, "The token endpoint", cancellationToken).ConfigureAwait(false))
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = JsonObjects.TextAt(text, "error");
                throw new ChatDeliveryException(
                    $"The token endpoint refused the bot's credentials for {scope}: HTTP {(int)response.StatusCode} {error}.",
                    refused: response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden,
                    response.Headers.RetryAfter?.Delta);
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                var token = root.GetProperty("access_token").GetString() ?? throw new JsonException("access_token is null");
                var seconds = root.TryGetProperty("expires_in", out var e) ? (e.ValueKind == JsonValueKind.String ? int.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : e.GetInt32()) : 3600;
                return (token, TimeSpan.FromSeconds(Math.Max(seconds, 60)));
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
            {
                throw new ChatDeliveryException("The token endpoint answered without an access token.", refused: false, innerException: exception);
            }
        }
    }

}
