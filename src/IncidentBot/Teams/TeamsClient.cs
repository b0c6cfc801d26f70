using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentBot.Chat;

namespace IncidentBot.Teams;

/// <summary>
/// The Bot Connector and Microsoft Graph, one method for every call (<see cref="CallAsync"/>: a JSON body, the bot's
/// token for the scope). 429 (after <c>Retry-After</c>) and 5xx are retried in the resilience handler; what is left
/// becomes a <see cref="ChatDeliveryException"/>: a refusal for 4xx, an outage otherwise.
/// </summary>
internal sealed class TeamsClient(HttpClient http, TeamsTokens tokens)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary><see cref="Json"/> for what goes to Teams: broadcast mentions neutralised in every string.</summary>
    public static readonly JsonSerializerOptions Outgoing = BroadcastSafeJson.For(Json);

    /// <summary><c>{serviceUrl}/v3/conversations</c>: where a new conversation (a new channel post) is created.</summary>
    public static Uri Conversations(string serviceUrl) => new(ChatHttp.BaseAddress(serviceUrl), "v3/conversations");

    /// <summary><c>{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]</c>: where a message is sent, or replied.</summary>
    public static Uri Activities(string serviceUrl, string conversationId, string? replyToId = null) =>
        new(ChatHttp.BaseAddress(serviceUrl), $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities" +
                              (string.IsNullOrEmpty(replyToId) ? "" : "/" + Uri.EscapeDataString(replyToId)));

    /// <summary>A plain message; lines become paragraphs, as Teams' Markdown needs them to show as lines.</summary>
    public static object Message(string text, string? replyToId = null) =>
        new { Type = "message", Text = text.Replace("\n", "\n\n", StringComparison.Ordinal), TextFormat = "markdown", ReplyToId = replyToId };

    public static object CardMessage(object card, string summary) =>
        new { Type = "message", Summary = summary, Attachments = new[] { TeamsCards.Attachment(card) } };

    public async Task<JsonElement> CallAsync(HttpMethod method, Uri url, object? body, string scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!TeamsOptions.IsSafeAddress(url.ToString()))
        {
            throw new ChatDeliveryException($"Refused to send the bot's token to {url.GetLeftPart(UriPartial.Authority)}: not https.", refused: true);
        }

        var what = $"{method} {url.GetLeftPart(UriPartial.Path)}";
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.TokenAsync(scope, cancellationToken).ConfigureAwait(false));
            if (body is not null)
            {
                request.Content = new StringContent(JsonSerializer.Serialize(body, Outgoing), Encoding.UTF8, "application/json");
            }

            using (var response = await ChatHttp.SendAsync(http, request, what, cancellationToken).ConfigureAwait(false))
            {
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
                {
                    // The token may have been revoked or rotated early: one more try with a new one.
                    tokens.Forget(scope);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    throw new ChatDeliveryException($"{what} is rate limited.", refused: false, response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new TeamsApiException(what, (int)response.StatusCode, JsonObjects.TextAt(text, "error", "code"));
                }

                try
                {
                    using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
                    return document.RootElement.Clone();
                }
                catch (JsonException exception)
                {
                    throw new ChatDeliveryException($"{what} answered something that is not JSON.", refused: false, innerException: exception);
                }
            }
        }
    }

}
