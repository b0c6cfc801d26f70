using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace IncidentBot.Postmortems;

/// <summary>
/// Confluence Cloud's REST API (v1 content endpoints) with basic auth (user and API token). One generic
/// <see cref="CallAsync{T}"/>: 429 and 5xx are retried a few times, after Retry-After when given, timed by <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class ConfluenceClient(HttpClient http, IOptions<PostmortemOptions> options, TimeProvider time, ILogger<ConfluenceClient> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private ConfluenceOptions Settings => options.Value.Confluence;

    /// <summary>Sets the base address and credentials; called once when the client is built.</summary>
    public static void Configure(HttpClient http, ConfluenceOptions settings)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Enabled)
        {
            return;
        }

        http.BaseAddress = new Uri(settings.BaseUrl.TrimEnd('/') + "/");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.User}:{settings.ApiToken}")));
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public async Task<ConfluencePage?> FindByTitleAsync(string title, CancellationToken cancellationToken)
    {
        var path = $"rest/api/content?type=page&spaceKey={Uri.EscapeDataString(Settings.SpaceKey)}&title={Uri.EscapeDataString(title)}&expand=version";
        var found = await CallAsync<ConfluenceResults>(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        return found is { Results.Count: > 0 } ? Page(found.Results[0]) : null;
    }

    /// <summary>The page, or null when it no longer exists.</summary>
    public async Task<ConfluencePage?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var page = await CallAsync<ConfluenceContent>(HttpMethod.Get, $"rest/api/content/{Uri.EscapeDataString(id)}?expand=version", null, cancellationToken)
            .ConfigureAwait(false);
        return page is null ? null : Page(page);
    }

    public async Task<ConfluencePage> CreateAsync(string title, string storage, string? parentId, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = "page",
            ["title"] = title,
            ["space"] = new { key = Settings.SpaceKey },
            ["body"] = new { storage = new { value = storage, representation = "storage" } },
        };
        if (!string.IsNullOrEmpty(parentId))
        {
            body["ancestors"] = new[] { new { id = parentId } };
        }

        var page = await CallAsync<ConfluenceContent>(HttpMethod.Post, "rest/api/content", body, cancellationToken).ConfigureAwait(false);
        return Page(page ?? throw new ConfluenceException(HttpStatusCode.NotFound, "Confluence answered the page creation with nothing."));
    }

    /// <summary>Replaces the page's body; <paramref name="version"/> is the page's current version plus one.</summary>
    public async Task<ConfluencePage> UpdateAsync(string id, string title, string storage, int version, string message, CancellationToken cancellationToken)
    {
        var body = new
        {
            id,
            type = "page",
            title,
            version = new { number = version, message },
            body = new { storage = new { value = storage, representation = "storage" } },
        };
        var page = await CallAsync<ConfluenceContent>(HttpMethod.Put, $"rest/api/content/{Uri.EscapeDataString(id)}", body, cancellationToken).ConfigureAwait(false);
        return Page(page ?? throw new ConfluenceException(HttpStatusCode.NotFound, $"The Confluence page {id} no longer exists."));
    }

    /// <summary>The answer as <typeparamref name="T"/>; null on 404.</summary>
    private async Task<T?> CallAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, options: Json);
            }

            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false);
            }

            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            var retryable = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
            if (!retryable || attempt >= Settings.MaxAttempts)
            {
                throw new ConfluenceException(response.StatusCode, await ErrorAsync(response, cancellationToken).ConfigureAwait(false));
            }

            var delay = RetryDelay(response, attempt);
            LogRetry(logger, method.Method, (int)response.StatusCode, delay.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        var given = response.Headers.RetryAfter?.Delta
            ?? (response.Headers.RetryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
        var delay = given ?? TimeSpan.FromMilliseconds(500 * Math.Pow(2, attempt - 1));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }

    /// <summary>Confluence's own message (<c>{"message": "..."}</c>) when it sent one.</summary>
    private static async Task<string> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"Confluence answered {(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            return json.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                ? $"{status}: {message.GetString()}"
                : status;
        }
        catch (JsonException)
        {
            return status;
        }
    }

    private ConfluencePage Page(ConfluenceContent content)
    {
        var webui = content.Links?.Webui;
        var url = webui is null ? null : (content.Links?.Base ?? Settings.BaseUrl.TrimEnd('/')) + webui;
        return new ConfluencePage(content.Id, content.Title, content.Version?.Number ?? 1, url);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Confluence {Method} answered {Status}; retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string method, int status, double delayMs);
}
