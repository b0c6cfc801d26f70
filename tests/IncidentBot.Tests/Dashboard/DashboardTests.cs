using System.Net;
using AngleSharp.Html.Parser;
using IncidentBot.Support;

namespace IncidentBot.Dashboard;

public sealed class DashboardTests : IDisposable
{
    private readonly BotApp _app = new();
    private readonly HttpClient _client;

    public DashboardTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheListShowsOpenIncidentsFirstWithSeverityStatusRolesAndAge()
    {
        var resolved = await _client.DeclareAsync("Old outage", "SEV1");
        await _client.CommandAsync(resolved, "resolve");
        var minor = await _client.DeclareAsync("Minor glitch", "SEV4");
        var major = await _client.DeclareAsync("Checkout down", "SEV1");
        await _client.CommandAsync(major, "role commander @alice");

        var document = await new HtmlParser().ParseDocumentAsync(await _client.GetStringAsync(new Uri("/", UriKind.Relative)));
        var rows = document.QuerySelectorAll("#incidents tbody tr");

        Assert.Equal([major, minor, resolved], rows.Select(r => int.Parse(r.GetAttribute("data-number")!, System.Globalization.CultureInfo.InvariantCulture)));
        var cells = rows[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal([$"INC-{major}", "SEV1", "investigating", "Checkout down", "@alice", "", ""], cells.Take(7));
        Assert.Matches(@"^\d+(ms|s)$", cells[7]);
        Assert.Equal("resolved", rows[2].ClassName);
    }

    [Fact]
    public async Task TitlesAreShownAsTextNeverAsMarkup()
    {
        await _client.DeclareAsync("<script>alert(1)</script> & <b>bold</b>");

        var html = await _client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        var document = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Equal("<script>alert(1)</script> & <b>bold</b>", document.QuerySelectorAll("#incidents tbody td")[3].TextContent.Trim());
    }

    [Fact]
    public async Task TheIncidentPageShowsTimelineFiguresAndOpenActions()
    {
        var number = await _client.DeclareAsync("Checkout down", "SEV1");
        await _client.CommandAsync(number, "role commander @alice");
        await _client.CommandAsync(number, "note payment provider returns 502");
        await _client.CommandAsync(number, "action add provider failover @bob due 2030-01-01");
        await _client.CommandAsync(number, "status monitoring");

        var document = await new HtmlParser().ParseDocumentAsync(await _client.GetStringAsync(new Uri($"/incidents/{number}", UriKind.Relative)));

        Assert.Equal($"INC-{number} · Checkout down", document.QuerySelector("h1")!.TextContent);
        var kinds = document.QuerySelectorAll("#timeline tbody tr").Select(r => r.GetAttribute("data-kind")).ToList();
        Assert.Equal(["declared", "role_assigned", "note", "action_added", "status_changed"], kinds);
        var figures = document.QuerySelectorAll("#figures .figure").Select(f => f.QuerySelector(".label")!.TextContent).ToList();
        Assert.Equal(["Time to detect", "Time to acknowledge", "Time to mitigate", "Time to resolve"], figures);
        Assert.Equal("—", document.QuerySelector("[data-field='durations.timeToResolve']")!.TextContent);
        Assert.Contains("add provider failover", document.QuerySelector("#actions")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrillsCarryABannerAndPrivateIncidentsHideTheirTitle()
    {
        var (_, drill) = await _client.PostJsonAsync("/api/incidents", new { title = "Game day", drill = true });
        var (_, secret) = await _client.PostJsonAsync("/api/incidents", new { title = "Leaked credentials", @private = true });

        var drillPage = await _client.GetStringAsync(new Uri($"/incidents/{drill!["number"]}", UriKind.Relative));
        var list = await _client.GetStringAsync(new Uri("/", UriKind.Relative));
        var secretPage = await _client.GetStringAsync(new Uri($"/incidents/{secret!["number"]}", UriKind.Relative));

        Assert.Contains("class=\"drill\"", drillPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Leaked credentials", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Leaked credentials", secretPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownIncidentPageIs404()
    {
        var response = await _client.GetAsync(new Uri("/incidents/404", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
