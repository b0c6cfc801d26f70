using Microsoft.Extensions.Options;

namespace IncidentBot.Llm;

internal static class LlmExtensions
{
    /// <summary>The <c>Llm</c> options, checked at start, and the model-backed summarizer (built only when chosen).</summary>
    public static IServiceCollection AddLlm(this IServiceCollection services)
    {
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>();
        services.AddSingleton(sp => LlmClients.Create(sp.GetRequiredService<IOptions<LlmOptions>>().Value));
        services.AddSingleton<LlmSummarizer>();
        return services;
    }

    /// <summary>How a summary by this provider is labelled in the room.</summary>
    public static string Source(this LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UsesModel ? $"Summary by {options.Model} ({options.Provider.ToLowerInvariant()})" : "Extractive summary (built in)";
    }
}
