using IncidentBot.Summaries;
using Microsoft.Extensions.Options;
using OpenAI.Chat;

namespace IncidentBot.Llm;

/// <summary>
/// Summaries by a language model. A room that fits <see cref="LlmOptions.ChunkTokens"/> goes in one request;
/// a longer one is cut into parts, each part summarised into notes (in parallel, bounded), and the notes combined
/// (map-reduce). Only the redacted, fenced conversation leaves the process. Any failure, or no answer within
/// <see cref="LlmOptions.TimeoutSeconds"/>, is an <see cref="LlmUnavailableException"/>.
/// </summary>
internal sealed class LlmSummarizer(ChatClient chat, IOptions<LlmOptions> options, TimeProvider time, ILogger<LlmSummarizer> logger)
    : ISummarizer
{
    public async Task<string> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var calls = new ChatCalls(chat, settings, time, time.GetUtcNow() + settings.Timeout, logger);
        try
        {
            var lines = Conversation.From(request).Select(l => l.Render()).ToList();
            var chunks = ChunkPlanner.Plan(lines, settings.ChunkTokens);
            var incident = request.Incident;
            if (chunks.Count <= 1)
            {
                var whole = SummaryPrompt.Whole(incident, chunks.Count == 0 ? [] : chunks[0]);
                return await calls.CompleteAsync(SummaryPrompt.System, whole, linked.Token).ConfigureAwait(false);
            }

            var notes = await AllOrNothingAsync(chunks.Select((chunk, i) => (Func<CancellationToken, Task<string>>)(ct =>
                calls.CompleteAsync(SummaryPrompt.PartSystem, SummaryPrompt.Part(incident, i + 1, chunks.Count, chunk), ct))), linked.Token).ConfigureAwait(false);
            while (notes.Length > 1 && notes.Sum(ChunkPlanner.EstimateTokens) > settings.ChunkTokens)
            {
                var groups = ChunkPlanner.Plan(notes, settings.ChunkTokens);
                if (groups.Count >= notes.Length)
                {
                    break;
                }

                notes = await AllOrNothingAsync(groups.Select(group => (Func<CancellationToken, Task<string>>)(ct =>
                    calls.CompleteAsync(SummaryPrompt.PartSystem, SummaryPrompt.Combine(incident, group), ct))), linked.Token).ConfigureAwait(false);
            }

            return await calls.CompleteAsync(SummaryPrompt.System, SummaryPrompt.Combine(incident, notes), linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new LlmUnavailableException($"no answer within {settings.TimeoutSeconds:0.##} s", e);
        }
    }

    /// <summary>Runs the calls together; the first failure cancels the others, and is what the caller sees.</summary>
    private static async Task<string[]> AllOrNothingAsync(IEnumerable<Func<CancellationToken, Task<string>>> calls, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        return await Task.WhenAll(calls.Select(async call =>
        {
            try
            {
                return await call(failed.Token).ConfigureAwait(false);
            }
            catch (Exception)
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
        })).ConfigureAwait(false);
    }
}
