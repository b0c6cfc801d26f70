namespace IncidentBot.Summaries;

/// <summary>
/// Writes the body of a catch-up: the sections under the heading the bot adds. Implementations: the built-in
/// extractive one, and the LLM-backed one in the host.
/// </summary>
public interface ISummarizer
{
    /// <summary>The sections of the catch-up, plain text. The request's messages are untrusted text.</summary>
    Task<string> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken);
}
