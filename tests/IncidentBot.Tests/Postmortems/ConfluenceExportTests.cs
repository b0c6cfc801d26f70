using System.Net;
using IncidentBot.Support;

namespace IncidentBot.Postmortems;

public sealed class ConfluenceExportTests : IAsyncLifetime
{
    private FakeConfluence _confluence = null!;
    private BotApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _confluence = await FakeConfluence.StartAsync();
        Start(_confluence.Settings());
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _confluence.DisposeAsync();
    }

    private void Start(Dictionary<string, string?> settings)
    {
        _app = new BotApp(settings: settings);
        _client = _app.CreateClient();
    }

    private async Task<int> IncidentAsync()
    {
        var number = await _client.DeclareAsync("Checkout errors <EU> & \"retries\"");
        await _client.CommandAsync(number, "note error rate 12% | retries saturating");
        await _client.CommandAsync(number, "resolve");
        return number;
    }

    private async Task<(string Message, string Link)> DraftAsync(int number)
    {
        var (response, body) = await _client.CommandAsync(number, "postmortem");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = body!["entries"]!.AsArray()[0]!;
        return (body["message"]!.GetValue<string>(), entry["link"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheFirstDraftCreatesThePageAndTheNextUpdatesItWithANewVersion()
    {
        var number = await IncidentAsync();

        var (created, createdLink) = await DraftAsync(number);
        var page = Assert.Single(_confluence.Pages);
        await _client.CommandAsync(number, "action add a retry budget alert @dana");
        var (updated, updatedLink) = await DraftAsync(number);

        var after = Assert.Single(_confluence.Pages);
        Assert.Equal($"INC-{number}: Checkout errors <EU> & \"retries\" — Postmortem", page.Title);
        Assert.Equal(1, page.Version);
        Assert.Contains("Confluence page created", created, StringComparison.Ordinal);
        Assert.Equal($"{_confluence.BaseUrl.TrimEnd('/')}/spaces/OPS/pages/{page.Id}", createdLink);
        Assert.Equal(page.Id, after.Id);
        Assert.Equal(2, after.Version);
        Assert.Contains("Confluence page updated to version 2", updated, StringComparison.Ordinal);
        Assert.Contains("add a retry budget alert", after.Body, StringComparison.Ordinal);
        Assert.Contains("error rate 12% | retries saturating", after.Body, StringComparison.Ordinal);
        Assert.Equal(createdLink, updatedLink);
        Assert.Contains($"PUT /wiki/rest/api/content/{page.Id}", _confluence.Calls);
    }

    [Fact]
    public async Task APagePeopleEditedIsNotOverwrittenAndTheDraftBecomesAChildPage()
    {
        var number = await IncidentAsync();
        await DraftAsync(number);
        var page = Assert.Single(_confluence.Pages);
        _confluence.EditByHand(page.Id, "<p>Root cause written by the team.</p>");

        var (message, link) = await DraftAsync(number);
        var (again, _) = await DraftAsync(number);

        var main = _confluence.Pages.Single(p => p.Id == page.Id);
        Assert.Equal("<p>Root cause written by the team.</p>", main.Body);
        Assert.Equal(2, main.Version);
        var children = _confluence.Pages.Where(p => p.ParentId == page.Id).OrderBy(p => p.Title, StringComparer.Ordinal).ToList();
        Assert.Equal([$"{page.Title} — draft v2", $"{page.Title} — draft v3"], children.Select(c => c.Title));
        Assert.Contains("was edited by someone (now version 2; IncidentBot wrote version 1), so it was not overwritten", message, StringComparison.Ordinal);
        Assert.EndsWith($"/pages/{children[0].Id}", link, StringComparison.Ordinal);
        Assert.Contains("not overwritten", again, StringComparison.Ordinal);
        var (_, timeline) = await _client.GetJsonAsync($"/api/incidents/{number}/timeline");
        Assert.Contains(timeline!.AsArray(), e => e!["kind"]!.GetValue<string>() == "postmortem_drafted" && e["text"]!.GetValue<string>() == message);
    }

    [Fact]
    public async Task APageWithTheSameTitleThatIncidentBotDidNotWriteIsKept()
    {
        var number = await IncidentAsync();
        await DraftAsync(number);
        var page = Assert.Single(_confluence.Pages);
        _app.Dispose();
        Start(_confluence.Settings());

        // A fresh installation (new database) finds the page by title but has no record of writing it.
        var fresh = await IncidentAsync();
        Assert.Equal(number, fresh);
        var (message, _) = await DraftAsync(fresh);

        Assert.Contains("exists and was not written by IncidentBot", message, StringComparison.Ordinal);
        Assert.Equal(1, _confluence.Pages.Single(p => p.Id == page.Id).Version);
    }

    [Fact]
    public async Task ThrottlingAndServerErrorsAreRetried()
    {
        var number = await IncidentAsync();
        _confluence.FailNext(429, 503);

        var (message, _) = await DraftAsync(number);

        Assert.Contains("Confluence page created", message, StringComparison.Ordinal);
        Assert.Single(_confluence.Pages);
    }

    [Fact]
    public async Task WhenConfluenceKeepsFailingTheFilesAreStillWrittenAndTheFailureIsRecorded()
    {
        var number = await IncidentAsync();
        _confluence.FailNext(503, 503, 503);

        var (message, link) = await DraftAsync(number);

        Assert.Contains("the Confluence export failed (Confluence answered 503 Service Unavailable: Try again later); run `postmortem` again to retry", message, StringComparison.Ordinal);
        Assert.EndsWith(".md", link, StringComparison.Ordinal);
        Assert.True(File.Exists(link));
        Assert.Empty(_confluence.Pages);
        Assert.Equal(3, _confluence.Calls.Count);
    }

    [Fact]
    public async Task RejectedCredentialsAreReportedWithoutRetrying()
    {
        _app.Dispose();
        Start(_confluence.Settings(apiToken: "wrong"));
        var number = await IncidentAsync();

        var (message, _) = await DraftAsync(number);

        Assert.Contains("Confluence answered 401", message, StringComparison.Ordinal);
        Assert.Single(_confluence.Calls);
        Assert.DoesNotContain("wrong", message, StringComparison.Ordinal);
    }
}
