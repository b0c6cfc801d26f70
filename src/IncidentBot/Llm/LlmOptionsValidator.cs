using Microsoft.Extensions.Options;

namespace IncidentBot.Llm;

/// <summary>Checks at start that a chosen model can be reached: endpoint, key and model. The key is never echoed.</summary>
internal sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] providers = [LlmOptions.Extractive, LlmOptions.OpenAi, LlmOptions.AzureOpenAi];
        if (!providers.Contains(options.Provider, StringComparer.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"Llm:Provider must be 'extractive', 'openai' or 'azure-openai', not '{options.Provider}'.");
        }

        if (!options.UsesModel)
        {
            return ValidateOptionsResult.Success;
        }

        var provider = options.Provider.ToLowerInvariant();
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            failures.Add(options.IsAzure
                ? "Llm:Endpoint is required for azure-openai: the resource's endpoint, e.g. https://my-resource.openai.azure.com/."
                : "Llm:Endpoint is required for openai: the OpenAI-compatible base URL, e.g. https://api.openai.com/v1.");
        }
        else if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            failures.Add($"Llm:Endpoint must be an absolute http(s) URL, not '{options.Endpoint}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add(options.IsAzure
                ? "Llm:Model is required for azure-openai: the deployment name."
                : "Llm:Model is required for openai: the model name, e.g. gpt-4o-mini.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"Llm:ApiKey is required for {provider} (for a server that needs none, any non-empty value).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
