using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace IncidentBot.Chat;

/// <summary>What every chat platform's HTTP clients share.</summary>
internal static class ChatHttp
{
    /// <summary>A few quick retries on 429 (waiting what <c>Retry-After</c> says, up to 30 s) and 5xx; the outbox retries beyond that.</summary>
    public static void Retries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline) =>
        pipeline
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldRetryAfterHeader = true,
                UseJitter = true,
            })
            .AddTimeout(TimeSpan.FromSeconds(20));

    /// <summary>A configured base address with its trailing slash, so that relative paths resolve below it, not beside it.</summary>
    public static Uri BaseAddress(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new Uri(url.EndsWith('/') ? url : url + "/");
    }

    /// <summary>
    /// Sends <paramref name="request"/>; a platform that cannot be reached, or does not answer in time, is a
    /// <see cref="ChatDeliveryException"/> to retry later (not refused), named after <paramref name="what"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new ChatDeliveryException($"{what} could not be reached: {exception.Message}", refused: false, innerException: exception);
        }
        catch (Exception exception) when (TimedOut(exception, cancellationToken))
        {
            throw new ChatDeliveryException($"{what} timed out.", refused: false, innerException: exception);
        }
    }

    /// <summary>
    /// Whether a call gave up on time rather than being cancelled by its caller: the pipeline's timeout (Polly's
    /// <see cref="Polly.Timeout.TimeoutRejectedException"/>), HttpClient's own (a cancellation nobody asked for), or a
    /// plain <see cref="TimeoutException"/>.
    /// </summary>
    public static bool TimedOut(Exception exception, CancellationToken cancellationToken) =>
        exception is TimeoutException or Polly.Timeout.TimeoutRejectedException ||
        (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
