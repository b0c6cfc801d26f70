using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Llm;

/// <summary>The <c>Llm</c> section: which summarizer writes catch-ups, and how to reach a model.</summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";
    public const string Extractive = "extractive";
    public const string OpenAi = "openai";
    public const string AzureOpenAi = "azure-openai";

    /// <summary><c>extractive</c> (built in, no network), <c>openai</c> (any OpenAI-compatible server) or <c>azure-openai</c>.</summary>
    [Required]
    public string Provider { get; set; } = Extractive;

    /// <summary>The OpenAI-compatible base URL (<c>https://api.openai.com/v1</c>), or the Azure OpenAI resource's endpoint.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer</c> (openai) or <c>api-key</c> (azure-openai); never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model; for azure-openai, the deployment name.</summary>
    public string? Model { get; set; }

    /// <summary>The whole LLM summary, retries included, must answer within this; past it the room gets the extractive one.</summary>
    [Range(0.05, 600)]
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Estimated tokens of conversation per request; a longer room is summarised in parts, then combined.</summary>
    [Range(256, 1_000_000)]
    public int ChunkTokens { get; set; } = 16_000;

    /// <summary>Requests in flight at once for one summary.</summary>
    [Range(1, 16)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Retries of one request after 429, 408, 5xx or a failed connection.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public bool IsAzure => string.Equals(Provider, AzureOpenAi, StringComparison.OrdinalIgnoreCase);

    public bool UsesModel => !string.Equals(Provider, Extractive, StringComparison.OrdinalIgnoreCase);
}
