using System.Net;
using IncidentBot.Support;

namespace IncidentBot.Postmortems;

/// <summary>An error only Handlebars' own parser finds, where it says <c>Occured at: line:column</c>, already counted from 1.</summary>
public sealed class PostmortemTemplateParserErrorTests : IDisposable
{
    private readonly string _templates = Renderers.TemplatesFolder();

    public void Dispose() => Directory.Delete(_templates, recursive: true);

    [Fact]
    public async Task ABrokenTemplateOnLineThreeIsReportedAsLineThree()
    {
        File.WriteAllText(Path.Combine(_templates, "sev1.md.hbs"), "# {{incident.key}}\n\n{{{incident.title}}\n\nThe rest.\n");
        using var app = new BotApp(settings: new Dictionary<string, string?>
        {
            ["Postmortems:TemplatesPath"] = _templates,
            ["Postmortems:Templates:SEV1"] = "sev1.md.hbs",
        });
        var client = app.CreateClient();
        var number = await client.DeclareAsync(severity: "SEV1");

        var (response, body) = await client.GetJsonAsync($"/api/incidents/{number}/postmortem?format=md");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(3, body!["line"]!.GetValue<int>());
        Assert.Contains("error on line 3", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
