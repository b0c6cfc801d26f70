using System.Security.Cryptography;
using System.Text;

namespace IncidentBot.Support;

/// <summary>Signs requests exactly as Slack signs them: HMAC-SHA256 over <c>v0:{timestamp}:{body}</c>.</summary>
public static class SlackSigner
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";

    public static HttpRequestMessage Form(string path, IEnumerable<KeyValuePair<string, string>> fields, DateTimeOffset? at = null, string secret = Secret)
    {
        var body = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        return Sign(path, body, "application/x-www-form-urlencoded", at, secret);
    }

    public static HttpRequestMessage Json(string path, string json, DateTimeOffset? at = null, string secret = Secret) =>
        Sign(path, json, "application/json", at, secret);

    public static HttpRequestMessage Command(string text, string user = "U100ALICE", string userName = "alice", string channel = "C9GENERAL", string? responseUrl = null) =>
        Form("/slack/commands",
        [
            new("token", "deprecated"), new("team_id", "T1"), new("channel_id", channel), new("channel_name", "general"),
            new("user_id", user), new("user_name", userName), new("command", "/incident"), new("text", text),
            new("response_url", responseUrl ?? "https://hooks.slack.invalid/commands/1"), new("trigger_id", "13345224609.738474920.8088930838d88f008e0"),
        ]);

    public static HttpRequestMessage Sign(string path, string body, string contentType, DateTimeOffset? at = null, string secret = Secret)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        return request;
    }
}
