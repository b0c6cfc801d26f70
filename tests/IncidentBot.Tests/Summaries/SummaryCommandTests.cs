using AngleSharp.Html.Parser;
using IncidentBot.Chat;
using IncidentBot.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Summaries;

public sealed class SummaryCommandTests : IDisposable
{
    private readonly BotApp _app = new();
    private readonly ListRoomHistory _room = new();
    private readonly HttpClient _client;

    public SummaryCommandTests() =>
        _client = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IRoomHistory>(_room))).CreateClient();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task SummaryWithNothingConfiguredIsExtractiveAndRecordedOnTheTimeline()
    {
        var number = await _client.DeclareAsync("Payments API down", "SEV1");
        await _client.CommandAsync(number, "role commander @alice");
        await _client.CommandAsync(number, "note rolled back payments-api to v41 at 13:20");

        var (response, body) = await _client.CommandAsync(number, "summary", "bob");

        Assert.True(response.IsSuccessStatusCode, body?.ToJsonString());
        var message = body!["message"]!.GetValue<string>();
        Assert.StartsWith($"Catch-up on INC-{number}: Payments API down\nSEV1 · investigating · declared ", message, StringComparison.Ordinal);
        Assert.Contains("Extractive summary (built in) · from 3 timeline entries and 0 room messages", message, StringComparison.Ordinal);
        Assert.Contains("• Incident Commander: @alice", message, StringComparison.Ordinal);
        Assert.Contains("@alice: rolled back payments-api to v41 at 13:20", message, StringComparison.Ordinal);
        var (_, timeline) = await _client.GetJsonAsync($"/api/incidents/{number}/timeline");
        var last = timeline!.AsArray()[^1]!;
        Assert.Equal("summary_posted", last["kind"]!.GetValue<string>());
        Assert.Equal(message, last["text"]!.GetValue<string>());
        Assert.Equal("bob", last["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task WhatWasSaidInTheRoomIsSummarisedWithTheTimeline()
    {
        var number = await _client.DeclareAsync("Checkout errors", "SEV2");
        var now = DateTimeOffset.UtcNow;
        _room.Say(number,
            new RoomMessage("carol", now.AddSeconds(1), "checkout-service is returning 503 for about 30% of customers in eu-west-1."),
            new RoomMessage("dave", now.AddSeconds(2), "I think the cause is the redis failover at 14:02."),
            new RoomMessage("erin", now.AddSeconds(3), "ok"));

        var (_, body) = await _client.CommandAsync(number, "summary");

        var message = body!["message"]!.GetValue<string>();
        Assert.Contains("from 1 timeline entries and 3 room messages", message, StringComparison.Ordinal);
        Assert.Contains("@carol: checkout-service is returning 503 for about 30% of customers in eu-west-1.", message, StringComparison.Ordinal);
        Assert.Contains("Current hypothesis\n• ", message, StringComparison.Ordinal);
        Assert.Contains("@dave: I think the cause is the redis failover at 14:02.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("@erin", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlatformWhoseHistoryCannotBeReadIsLeftOutAndTheSummaryStillComes()
    {
        using var app = new BotApp();
        var client = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IRoomHistory>(new BrokenRoomHistory());
            s.AddSingleton<IRoomHistory>(_room);
        })).CreateClient();
        var number = await client.DeclareAsync("Checkout errors", "SEV2");
        _room.Say(number, new RoomMessage("carol", DateTimeOffset.UtcNow.AddSeconds(1), "checkout-service is returning 503 for 30% of customers."));

        var (response, body) = await client.CommandAsync(number, "summary");

        Assert.True(response.IsSuccessStatusCode);
        Assert.Contains("@carol: checkout-service is returning 503 for 30% of customers.", body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummaryOfAnUnknownIncidentIsNotFoundAndStoresNothing()
    {
        await _client.DeclareAsync();
        var before = await DatabaseSnapshot.TakeAsync(_app);

        var (response, _) = await _client.CommandAsync(999, "summary");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_app));
    }

    [Fact]
    public async Task TheIncidentPageShowsTheLatestSummary()
    {
        var number = await _client.DeclareAsync("Search is slow", "SEV3");
        var (_, page) = await _client.GetJsonAsync($"/incidents/{number}");
        Assert.Contains("No summary yet", Section(page!.GetValue<string>()).TextContent, StringComparison.Ordinal);
        await _client.CommandAsync(number, "summary");
        await _client.CommandAsync(number, "note reindex finished; latency back to 80 ms");
        var (_, latest) = await _client.CommandAsync(number, "summary", "carol");

        (_, page) = await _client.GetJsonAsync($"/incidents/{number}");

        var section = Section(page!.GetValue<string>());
        Assert.Equal("Latest summary", section.QuerySelector("h2")!.TextContent);
        Assert.Equal(latest!["message"]!.GetValue<string>(), section.QuerySelector("pre.summary")!.TextContent);
        Assert.Contains("by @carol", section.QuerySelector("p")!.TextContent, StringComparison.Ordinal);
    }

    private sealed class BrokenRoomHistory : IRoomHistory
    {
        public Task<IReadOnlyList<RoomMessage>> ReadAsync(int incidentNumber, CancellationToken cancellationToken) =>
            throw new HttpRequestException("chat platform is down");
    }

    private static AngleSharp.Dom.IElement Section(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("section#summary") ?? throw new InvalidOperationException("no summary section");
}
