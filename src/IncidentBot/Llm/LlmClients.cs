using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using OpenAI;
using OpenAI.Chat;

namespace IncidentBot.Llm;

/// <summary>
/// The chat client of the configured provider, through the official SDKs: <see cref="AzureOpenAIClient"/> for
/// azure-openai (<c>/openai/deployments/{model}/chat/completions?api-version=…</c>, header <c>api-key</c>) and
/// <see cref="OpenAIClient"/> at a custom endpoint for openai (<c>{endpoint}/chat/completions</c>, bearer key).
/// The SDKs' own retries are off: <see cref="ChatCalls"/> retries within the summary's deadline.
/// </summary>
internal static class LlmClients
{
    public static ChatClient Create(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = new Uri(options.Endpoint!, UriKind.Absolute);
        var credential = new ApiKeyCredential(options.ApiKey!);
        // The deadline cancels first; the network timeout is only a backstop past it.
        var networkTimeout = options.Timeout + TimeSpan.FromSeconds(5);
        if (options.IsAzure)
        {
            var azure = new AzureOpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(maxRetries: 0), NetworkTimeout = networkTimeout };
            return new AzureOpenAIClient(endpoint, credential, azure).GetChatClient(options.Model);
        }

        var openAi = new OpenAIClientOptions { Endpoint = endpoint, RetryPolicy = new ClientRetryPolicy(maxRetries: 0), NetworkTimeout = networkTimeout };
        return new OpenAIClient(credential, openAi).GetChatClient(options.Model);
    }
}
