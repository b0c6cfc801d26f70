using System.Net.Http.Headers;
using System.Text;
using IncidentBot.Support;
using static IncidentBot.Support.FakeOpenAi;

namespace IncidentBot.Security;

/// <summary>A model's answer is checked like room text, and the bot never posts its own configured secrets in any shape.</summary>
public sealed class ModelOutputSecretTests : IAsyncLifetime
{
    private const string ApiToken = "correct-horse-battery-staple-42";
    private const string AlertSecret = "Tr0ub4dor&3-alerts";
    private const string LlmKey = "azure0123456789abcdef0123456789ab";

    private FakeOpenAi _fake = null!;

    public async Task InitializeAsync() => _fake = await StartAsync((_, _) => Task.FromResult(Reply.Completion(
        $"What is broken\n• checkout\nFor the API use {ApiToken}; alerts take {Uri.EscapeDataString(AlertSecret)}.\n" +
        $"Signing: {SlackSigner.Secret} · key {LlmKey} · b64 {Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiToken))}\n" +
        "Also ghp_0123456789abcdefghijklmnopqrstuvwxyzAB and password=hunter2hunter2 <!channel>")));

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task ConfiguredSecretsAndKnownShapesInTheModelsAnswerAreNeverStoredOrPosted()
    {
        using var app = new BotApp(settings: new Dictionary<string, string?>
        {
            ["Api:Token"] = ApiToken,
            ["Alerts:generic:Secret"] = AlertSecret,
            ["Alerts:datadog:Secret"] = SlackSigner.Secret,
            ["Llm:Provider"] = "openai",
            ["Llm:Endpoint"] = _fake.BaseAddress.ToString(),
            ["Llm:ApiKey"] = LlmKey,
            ["Llm:Model"] = "gpt-test",
        });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken);
        var number = await client.DeclareAsync("Checkout errors");

        var (_, body) = await client.CommandAsync(number, "summary");

        var message = body!["message"]!.GetValue<string>();
        Assert.Contains("• checkout", message, StringComparison.Ordinal);
        Assert.Contains("[redacted:bot-secret]", message, StringComparison.Ordinal);
        var stored = await DatabaseSnapshot.TakeAsync(app);
        foreach (var secret in new[] { ApiToken, AlertSecret, Uri.EscapeDataString(AlertSecret), SlackSigner.Secret, LlmKey, Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiToken)), "ghp_0123456789", "hunter2hunter2", "<!channel>" })
        {
            Assert.DoesNotContain(secret, message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        }
    }
}
