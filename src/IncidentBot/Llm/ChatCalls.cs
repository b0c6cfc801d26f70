using System.ClientModel;
using OpenAI.Chat;

namespace IncidentBot.Llm;

/// <summary>
/// The chat requests of one summary: at most <see cref="LlmOptions.MaxConcurrency"/> in flight, each retried at most
/// <see cref="LlmOptions.MaxRetries"/> times after 429 (waiting as long as it asks), 408, 5xx or a failed connection,
/// never past the summary's deadline. Anything else, a refusal or the content filter, ends the summary.
/// </summary>
internal sealed partial class ChatCalls(ChatClient chat, LlmOptions options, TimeProvider time, DateTimeOffset deadline, ILogger logger)
    : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrency, options.MaxConcurrency);

    public async Task<string> CompleteAsync(string system, string user, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await WithRetriesAsync([new SystemChatMessage(system), new UserChatMessage(user)], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    private async Task<string> WithRetriesAsync(ChatMessage[] messages, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            ChatCompletion completion;
            try
            {
                completion = (await chat.CompleteChatAsync(messages, options: null, cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (ClientResultException e) when (IsTransient(e.Status) && attempt <= options.MaxRetries)
            {
                var now = time.GetUtcNow();
                var delay = RetryAfter.Read(e.GetRawResponse(), now) ?? Backoff(attempt);
                if (now + delay >= deadline)
                {
                    throw new LlmUnavailableException($"{Describe(e)}, and waiting {delay.TotalSeconds:0.#} s more would pass the deadline", e);
                }

                Retrying(logger, e.Status, delay.TotalMilliseconds, attempt);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (ClientResultException e)
            {
                throw new LlmUnavailableException(attempt > 1 ? $"{Describe(e)} after {attempt} attempts" : Describe(e), e);
            }

            return Text(completion);
        }
    }

    private static string Text(ChatCompletion completion)
    {
        if (completion.FinishReason == ChatFinishReason.ContentFilter)
        {
            throw new LlmUnavailableException("the model's content filter withheld the answer");
        }

        if (!string.IsNullOrWhiteSpace(completion.Refusal))
        {
            throw new LlmUnavailableException("the model refused");
        }

        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        return string.IsNullOrWhiteSpace(text) ? throw new LlmUnavailableException("the model answered with no text") : text;
    }

    private static bool IsTransient(int status) => status is 0 or 408 or 429 or >= 500;

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(4_000, 500 * Math.Pow(2, attempt - 1)));

    private static string Describe(ClientResultException e) => e.Status switch
    {
        0 => "the endpoint could not be reached",
        400 when IsContentFilter(e) => "the model's content filter refused the request",
        401 or 403 => $"the endpoint refused the key (HTTP {e.Status}); check Llm:ApiKey",
        404 => "the endpoint has no such model or deployment (HTTP 404); check Llm:Endpoint and Llm:Model",
        408 => "the model timed out (HTTP 408)",
        429 => "the model is rate limited (HTTP 429)",
        >= 500 => $"the model's server failed (HTTP {e.Status})",
        _ => $"the model answered HTTP {e.Status}",
    };

    private static bool IsContentFilter(ClientResultException e)
    {
        var body = e.GetRawResponse()?.Content?.ToString() ?? "";
        return body.Contains("content_filter", StringComparison.OrdinalIgnoreCase)
            || body.Contains("ResponsibleAIPolicyViolation", StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "LLM request failed with HTTP {Status}; retry {Attempt} in {DelayMs} ms")]
    private static partial void Retrying(ILogger logger, int status, double delayMs, int attempt);
}
