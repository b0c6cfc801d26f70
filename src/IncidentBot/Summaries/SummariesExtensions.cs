using IncidentBot.Llm;
using Microsoft.Extensions.Options;

namespace IncidentBot.Summaries;

internal static class SummariesExtensions
{
    /// <summary>
    /// <c>summary</c>: the extractive summarizer, or the LLM one that <c>Llm:Provider</c> names with the extractive one
    /// behind it. Room histories come from every <c>IRoomHistory</c> registered by the chat platforms.
    /// </summary>
    public static IServiceCollection AddSummaries(this IServiceCollection services)
    {
        services.AddLlm();
        services.AddSingleton<ExtractiveSummarizer>();
        services.AddSingleton<ISummarizer>(sp => sp.GetRequiredService<IOptions<LlmOptions>>().Value.UsesModel
            ? sp.GetRequiredService<LlmSummarizer>()
            : sp.GetRequiredService<ExtractiveSummarizer>());
        services.AddSingleton<OwnSecrets>();
        services.AddSingleton<SummaryComposer>();
        services.AddSingleton<SummaryService>();
        return services;
    }
}
