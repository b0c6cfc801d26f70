using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace IncidentBot.Chat;

/// <summary>What every chat platform's HTTP clients share.</summary>
internal static class ChatHttp
{
    /// <summary>
    /// A few quick retries on 429 (waiting what <c>Retry-After</c> says, up to 30 s), and on 5xx and timeouts for reads;
    /// each try ends after <see cref="ChatOptions.TimeoutSeconds"/>; the job queue retries beyond that. A post (any
    /// method but GET and HEAD) is never retried here after it may have reached the platform: it answered 5xx, or did
    /// not answer in time, and may have made the post all the same. The delivery checks the room before trying again.
    /// </summary>
    public static void Retries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(context);
        var timeout = context.ServiceProvider.GetRequiredService<IOptions<ChatOptions>>().Value.TimeoutSeconds;
        pipeline
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldRetryAfterHeader = true,
                UseJitter = true,
                ShouldHandle = arguments => ValueTask.FromResult(ShouldRetry(arguments.Outcome, arguments.Context.GetRequestMessage())),
            })
            .AddTimeout(TimeSpan.FromSeconds(timeout));
    }

    /// <summary>Whether a try may be made again at once: never for a post that may have been made.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true; // a rate-limited call was not carried out
        }

        if (request is not null && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
        {
            // Only a connection that was never made is safe to try again.
            return outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
        }

        return HttpClientResiliencePredicates.IsTransient(outcome);
    }

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
