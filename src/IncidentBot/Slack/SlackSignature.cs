using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IncidentBot.Slack;

/// <summary>
/// Slack's request signing: HMAC-SHA256 with the signing secret over <c>v0:{timestamp}:{raw body}</c>, sent as
/// <c>X-Slack-Signature: v0=&lt;hex&gt;</c>, with timestamps more than five minutes away from now refused.
/// </summary>
internal static class SlackSignature
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    /// <summary>Null when the request is Slack's, else why not (for the log, never with the secret or the body).</summary>
    public static string? Check(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return "the signature headers are missing";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return "the timestamp is not a number of seconds";
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > MaxSkew)
        {
            return "the timestamp is more than five minutes away from now";
        }

        var expected = Sign(secret, timestamp, body);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(expected))
            ? null
            : "the signature does not match";
    }

    /// <summary><c>v0=</c> and the lower-case hex HMAC, as Slack computes it.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }
}
