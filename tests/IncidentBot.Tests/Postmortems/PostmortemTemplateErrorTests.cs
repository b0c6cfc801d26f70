using System.Net;
using IncidentBot.Support;

namespace IncidentBot.Postmortems;

public sealed class PostmortemTemplateErrorTests : IDisposable
{
    private readonly string _templates = Renderers.TemplatesFolder();
    private readonly BotApp _app;
    private readonly HttpClient _client;

    public PostmortemTemplateErrorTests()
    {
        File.WriteAllText(Path.Combine(_templates, "sev1.md.hbs"), "# {{incident.key}}\n\n{{#each timeline}}\n- {{text}}\n{{/if}}\n");
        _app = new BotApp(settings: new Dictionary<string, string?>
        {
            ["Postmortems:TemplatesPath"] = _templates,
            ["Postmortems:Templates:SEV1"] = "sev1.md.hbs",
        });
        _client = _app.CreateClient();
    }

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_templates, recursive: true);
    }

    [Fact]
    public async Task TheApiAnswersATemplateErrorWithTheTemplateAndLine()
    {
        var number = await _client.DeclareAsync(severity: "SEV1");

        var (response, body) = await _client.GetJsonAsync($"/api/incidents/{number}/postmortem?format=html");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("The postmortem template sev1.md.hbs has an error on line 5: `{{/if}}` closes `{{#each}}`, which was opened on line 3.", body!["detail"]!.GetValue<string>());
        Assert.Equal(5, body["line"]!.GetValue<int>());
    }

    [Fact]
    public async Task ThePostmortemCommandRefusesAndStoresAndWritesNothing()
    {
        var number = await _client.DeclareAsync(severity: "SEV1");
        var before = await DatabaseSnapshot.TakeAsync(_app);

        var (response, body) = await _client.CommandAsync(number, "postmortem");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("sev1.md.hbs has an error on line 5", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_app));
        Assert.False(Directory.Exists(Path.Combine(_app.Folder, "postmortems")) && Directory.EnumerateFiles(Path.Combine(_app.Folder, "postmortems")).Any());
    }

    [Fact]
    public async Task OtherSeveritiesStillGetTheDefaultTemplate()
    {
        var number = await _client.DeclareAsync(severity: "SEV3");

        var response = await _client.GetAsync(new Uri($"/api/incidents/{number}/postmortem", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void ATemplateConfiguredButMissingStopsTheStart()
    {
        using var app = new BotApp(settings: new Dictionary<string, string?> { ["Postmortems:Templates:SEV2"] = "nowhere.md.hbs" });

        Assert.ThrowsAny<Exception>(() => app.CreateClient());
    }

    [Fact]
    public void AMissingTemplateIsNamedInTheStartError()
    {
        var options = new PostmortemOptions { Templates = { ["SEV2"] = "nowhere.md.hbs" } };

        var result = new PostmortemOptionsValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Postmortems:Templates:SEV2 names nowhere.md.hbs", result.FailureMessage, StringComparison.Ordinal);
    }
}
