using AngleSharp.Html.Parser;
using IncidentBot.Support;

namespace IncidentBot.Dashboard;

public sealed class ActionItemsPageTests : IDisposable
{
    private readonly BotApp _app = new();
    private readonly HttpClient _client;

    public ActionItemsPageTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheIncidentPageListsEveryActionItemWithItsKindAndState()
    {
        var number = await _client.DeclareAsync();
        await _client.CommandAsync(number, "action add a queue depth alert @carol due 2030-01-31");
        await _client.CommandAsync(number, "action talk to the vendor");
        await _client.CommandAsync(number, "resolve");

        var html = await _client.GetStringAsync(new Uri($"/incidents/{number}", UriKind.Relative));
        var page = new HtmlParser().ParseDocument(html);

        var rows = page.QuerySelectorAll("#actions tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.TextContent)))
            .ToList();
        Assert.Equal(["1 | add a queue depth alert | detect | @carol | 2030-01-31 | open", "2 | talk to the vendor |  |  |  | open"], rows);
        Assert.Contains("Action items (2 open of 2)", page.QuerySelectorAll("h2").Select(h => h.TextContent));
    }
}
