using AngleSharp.Html.Parser;
using IncidentBot.Support;

namespace IncidentBot.Alerts;

public sealed class AlertDashboardTests : IDisposable
{
    private readonly BotApp _app = new(settings: AlertWebhooks.Settings());
    private readonly HttpClient _client;

    public AlertDashboardTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheIncidentPageListsItsAlertsWithRunbookLinks()
    {
        var (_, body) = await _client.SendAsync("alertmanager", AlertWebhooks.Payload("alertmanager-firing.json"));
        var number = body!["incidents"]![0]!["number"]!.GetValue<int>();
        await _client.SendAsync("alertmanager", AlertWebhooks.Payload("alertmanager-resolved.json"));

        var html = await _client.GetStringAsync(new Uri($"/incidents/{number}", UriKind.Relative));

        var page = new HtmlParser().ParseDocument(html);
        var rows = page.QuerySelectorAll("#alerts tbody tr");
        Assert.Equal(["firing", "resolved"], rows.Select(r => r.GetAttribute("data-status")));
        Assert.Contains("High 5xx error rate on checkout-api", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("https://runbooks.example.com/checkout/high-error-rate", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("No alert is firing.", page.QuerySelector("#alerts-firing")!.TextContent);
    }

    [Fact]
    public async Task ALinkThatIsNotHttpIsShownAsNothing()
    {
        var (_, body) = await _client.SendAsync("generic", """
            {"title": "<b>bold</b>", "status": "firing", "fingerprint": "x", "runbook_url": "javascript:alert(1)"}
            """u8.ToArray());
        var number = body!["incidents"]![0]!["number"]!.GetValue<int>();

        var html = await _client.GetStringAsync(new Uri($"/incidents/{number}", UriKind.Relative));

        var row = new HtmlParser().ParseDocument(html).QuerySelector("#alerts tbody tr")!;
        Assert.Null(row.QuerySelector("a"));
        Assert.Null(row.QuerySelector("b"));
    }
}
