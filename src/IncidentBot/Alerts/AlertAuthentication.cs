using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IncidentBot.Alerts;

/// <summary>
/// Checks that a webhook comes from whoever holds <c>Alerts:{source}:Secret</c>: by the vendor's HMAC signature
/// where the vendor signs (PagerDuty, Sentry, Grafana when set to), else by the shared token. Every comparison takes
/// the same time whatever the presented value.
/// </summary>
internal static class AlertAuthentication
{
    /// <summary>How far a signed Grafana timestamp may be from now.</summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Whether the request is authenticated by its signature over the body, rather than by a token.</summary>
    public static bool IsSigned(string source, HttpRequest request, AlertSourceOptions options) => source switch
    {
        "pagerduty" or "sentry" => true,
        "grafana" => request.Headers.ContainsKey(options.SignatureHeader),
        _ => false,
    };

    /// <summary>The token as <c>Authorization: Bearer</c>, as the password of basic auth, or as <c>?token=</c>.</summary>
    public static bool TokenMatches(HttpRequest request, string secret)
    {
        ArgumentNullException.ThrowIfNull(request);
        var presented = Presented(request);
        return presented is not null && SameHash(presented, secret);
    }

    /// <summary>Whether the signature of <paramref name="source"/> over <paramref name="body"/> is right; null when it is, else why not.</summary>
    public static string? SignatureProblem(
        string source, HttpRequest request, ReadOnlySpan<byte> body, AlertSourceOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        switch (source)
        {
            case "pagerduty":
                var signatures = request.Headers["X-PagerDuty-Signature"].ToString();
                if (signatures.Length == 0)
                {
                    return "The X-PagerDuty-Signature header is missing.";
                }

                var expected = "v1=" + Hex(options.Secret, body);
                var matched = false;
                foreach (var candidate in signatures.Split(',', StringSplitOptions.TrimEntries))
                {
                    // Every candidate is compared, so the time taken does not tell which one matched.
                    matched |= FixedEquals(candidate, expected);
                }

                return matched ? null : "No v1 signature in X-PagerDuty-Signature matches the body.";
            case "sentry":
                var signature = request.Headers["Sentry-Hook-Signature"].ToString().Trim();
                if (signature.Length == 0)
                {
                    return "The Sentry-Hook-Signature header is missing.";
                }

                return FixedEquals(signature.ToLowerInvariant(), Hex(options.Secret, body)) ? null : "Sentry-Hook-Signature does not match the body.";
            case "grafana":
                return GrafanaProblem(request, body, options, now);
            default:
                throw new ArgumentOutOfRangeException(nameof(source), source, "This source does not sign its webhooks.");
        }
    }

    private static string? GrafanaProblem(HttpRequest request, ReadOnlySpan<byte> body, AlertSourceOptions options, DateTimeOffset now)
    {
        var signature = request.Headers[options.SignatureHeader].ToString().Trim();
        if (options.TimestampHeader.Length == 0)
        {
            return FixedEquals(signature.ToLowerInvariant(), Hex(options.Secret, body)) ? null : $"{options.SignatureHeader} does not match the body.";
        }

        var timestamp = request.Headers[options.TimestampHeader].ToString().Trim();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds() ||
            (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > TimestampTolerance)
        {
            return $"{options.TimestampHeader} must be the current Unix time in seconds (within {TimestampTolerance.TotalMinutes:0} minutes).";
        }

        var signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp + ":", signed);
        body.CopyTo(signed.AsSpan(timestamp.Length + 1));
        return FixedEquals(signature.ToLowerInvariant(), Hex(options.Secret, signed)) ? null : $"{options.SignatureHeader} does not match the timestamp and body.";
    }

    private static string? Presented(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? null : pair[(colon + 1)..];
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return request.Query["token"] is { Count: 1 } token ? token.ToString() : null;
    }

    private static string Hex(string secret, ReadOnlySpan<byte> message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));

    private static bool FixedEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static bool SameHash(string presented, string secret) => presented.Length > 0 && FixedEquals(presented, secret);
}
