using IncidentBot.Llm;
using IncidentBot.Summaries;
using Microsoft.Extensions.Options;

namespace IncidentBot.Summaries;

/// <summary>
/// Writes a catch-up with the configured summarizer; when the model fails or is late, with the extractive one,
/// labelled as such, so the room always gets an answer within the deadline. The extractive one's headings are in the
/// bot's language (<c>Bot:Language</c>): the whole room reads a catch-up.
/// </summary>
internal sealed partial class SummaryComposer(
    ISummarizer summarizer,
    ExtractiveSummarizer extractive,
    IOptions<LlmOptions> options,
    Language.BotLanguage language,
    OwnSecrets secrets,
    ILogger<SummaryComposer> logger)
{
    /// <summary>The catch-up, with the bot's own secrets masked whichever summarizer wrote it.</summary>
    public async Task<string> ComposeAsync(SummaryRequest request, CancellationToken cancellationToken) =>
        secrets.Redact(await WriteAsync(request, cancellationToken).ConfigureAwait(false));

    private async Task<string> WriteAsync(SummaryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        if (ReferenceEquals(summarizer, extractive))
        {
            return SummaryText.Compose(request, settings.Source(), ExtractiveSummarizer.Write(request, language.Default));
        }

        string reason;
        try
        {
            var body = await summarizer.SummarizeAsync(request, cancellationToken).ConfigureAwait(false);
            return SummaryText.Compose(request, settings.Source(), ModelOutput.Clean(secrets.Redact(body)));
        }
        catch (LlmUnavailableException e)
        {
            reason = e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A broken answer (not JSON, an SDK fault) must not cost the room its summary either.
            reason = "the model's answer could not be read";
            Unexpected(logger, e.GetType().Name, e);
        }

        FellBack(logger, request.Incident.Number, settings.Provider, reason);
        var source = $"Extractive summary (built in): the {settings.Provider.ToLowerInvariant()} model was unavailable, {reason}";
        return SummaryText.Compose(request, source, ExtractiveSummarizer.Write(request, language.Default));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Summary of INC-{Number} fell back to extractive: {Provider} {Reason}")]
    private static partial void FellBack(ILogger logger, int number, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected {Type} from the LLM summarizer")]
    private static partial void Unexpected(ILogger logger, string type, Exception exception);
}
