using IncidentBot.Support;
using Microsoft.Extensions.Options;

namespace IncidentBot.Llm;

public sealed class LlmOptionsTests
{
    [Fact]
    public void OpenAiWithoutEndpointOrModelStopsTheStartWithAClearMessageAndNoKey()
    {
        using var app = new BotApp(settings: new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "openai",
            ["Llm:ApiKey"] = "sk-live-secret-value-1234567890",
        });

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Llm:Endpoint is required for openai", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Llm:Model is required for openai", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-live-secret-value", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("extractive", null, null, null, null)]
    [InlineData("openai", "https://api.openai.com/v1", "k", "gpt-4o-mini", null)]
    [InlineData("azure-openai", "https://res.openai.azure.com/", "k", "summaries", null)]
    [InlineData("anthropic", null, null, null, "Llm:Provider must be 'extractive', 'openai' or 'azure-openai', not 'anthropic'.")]
    [InlineData("azure-openai", "https://res.openai.azure.com/", "k", null, "Llm:Model is required for azure-openai: the deployment name.")]
    [InlineData("openai", "api.openai.com", "k", "m", "Llm:Endpoint must be an absolute http(s) URL, not 'api.openai.com'.")]
    [InlineData("openai", "https://api.openai.com/v1", null, "m", "Llm:ApiKey is required for openai (for a server that needs none, any non-empty value).")]
    public void ProviderSettingsAreCheckedTogether(string provider, string? endpoint, string? key, string? model, string? failure)
    {
        var options = new LlmOptions { Provider = provider, Endpoint = endpoint, ApiKey = key, Model = model };

        var result = new LlmOptionsValidator().Validate(null, options);

        Assert.Equal(failure, result.FailureMessage);
    }
}
