using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IncidentBot.Chat;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

/// <summary>
/// Slack's Web API, one method for every write (<see cref="CallAsync"/>: JSON body) and one for every read
/// (<see cref="ReadAsync"/>: query string), as Slack's documents ask. <c>ok:false</c> becomes a
/// <see cref="SlackApiException"/>; retries on 429 (after <c>Retry-After</c>) and 5xx happen in the resilience handler.
/// </summary>
internal sealed class SlackClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary><see cref="Json"/> for what goes to Slack: broadcast mentions neutralised in every string.</summary>
    public static readonly JsonSerializerOptions Outgoing = BroadcastSafeJson.For(Json);

    private readonly HttpClient _http;

    public SlackClient(HttpClient http, IOptions<SlackOptions> options)
    {
        _http = http;
        var baseUrl = options.Value.ApiBaseUrl;
        _http.BaseAddress = ChatHttp.BaseAddress(baseUrl);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken);
    }

    /// <summary>A write method: <c>POST {base}/{method}</c> with a JSON body.</summary>
    public Task<JsonElement> CallAsync(string method, object body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, Outgoing), Encoding.UTF8, "application/json"),
        };
        return SendAsync(method, request, cancellationToken);
    }

    /// <summary>A read method: <c>GET {base}/{method}?…</c>; Slack's read methods take no JSON.</summary>
    public Task<JsonElement> ReadAsync(string method, IEnumerable<KeyValuePair<string, string?>> query, CancellationToken cancellationToken)
    {
        var arguments = string.Join('&', query.Where(q => q.Value is not null)
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value!)));
        return SendAsync(method, new HttpRequestMessage(HttpMethod.Get, arguments.Length == 0 ? method : method + "?" + arguments), cancellationToken);
    }

    private async Task<JsonElement> SendAsync(string method, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using (var response = await ChatHttp.SendAsync(_http, request, $"Slack {method}", cancellationToken).ConfigureAwait(false))
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    throw new SlackApiException(method, "ratelimited", response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new ChatDeliveryException(
                        $"Slack {method} answered HTTP {(int)response.StatusCode}.", refused: (int)response.StatusCode is >= 400 and < 500);
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                JsonElement root;
                try
                {
                    using var document = JsonDocument.Parse(text);
                    root = document.RootElement.Clone();
                }
                catch (JsonException exception)
                {
                    throw new ChatDeliveryException($"Slack {method} answered something that is not JSON.", refused: false, innerException: exception);
                }

                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
                {
                    var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) ? e.GetString() ?? "unknown_error" : "unknown_error";
                    throw new SlackApiException(method, error);
                }

                return root;
            }
        }
    }
}
