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

    /// <summary>
    /// Whether a call gave up on time rather than being cancelled by its caller: the pipeline's timeout (Polly's
    /// <see cref="Polly.Timeout.TimeoutRejectedException"/>), HttpClient's own (a cancellation nobody asked for), or a
    /// plain <see cref="TimeoutException"/>.
    /// </summary>
    public static bool TimedOut(Exception exception, CancellationToken cancellationToken) =>
        exception is TimeoutException or Polly.Timeout.TimeoutRejectedException ||
        (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
