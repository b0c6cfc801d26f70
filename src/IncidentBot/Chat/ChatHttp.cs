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
}
