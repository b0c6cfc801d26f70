using System.Net;
using System.Net.Http.Json;
using System.Text;
using IncidentBot.Storage;
using IncidentBot.Support;
using IncidentBot.Timeline;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Api;

public sealed class IncidentApiTests : IDisposable
{
    private readonly BotApp _app = new();
    private readonly HttpClient _client;

    public IncidentApiTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task PagingTheTimelineByIdMissesNothingWhenAPinnedMessageKeepsAnEarlierTime()
    {
        var number = await _client.DeclareAsync("Pinned out of order");
        await _client.CommandAsync(number, "note first");
        await _client.CommandAsync(number, "note second");
        var writer = _app.Services.GetRequiredService<DatabaseWriter>();
        await writer.WriteAsync(async (scope, ct) =>
        {
            var incident = (await scope.Ledger.FindAsync(number, ct))!;
            return await scope.Ledger.AppendAsync(incident.Record(TimelineKind.PinnedMessage, "pinned from before", "bob", scope.Now.AddHours(-1)), ct);
        }, default);

        var seen = new List<string>();
        long after = 0;
        while (true)
        {
            var (_, page) = await _client.GetJsonAsync($"/api/incidents/{number}/timeline?after={after}&limit=2");
            var entries = page!.AsArray();
            if (entries.Count == 0)
            {
                break;
            }

            seen.AddRange(entries.Select(e => (string)e!["text"]!));
            after = entries.Max(e => (long)e!["id"]!);
        }

        Assert.Equal(4, seen.Count);
        Assert.Contains("first", seen);
        Assert.Contains("second", seen);
        Assert.Contains("pinned from before", seen);
    }

    [Fact]
    public async Task TheWholeLifecycleThroughCommandsLandsOnTheTimelineInOrder()
    {
        var number = await _client.DeclareAsync("Payments API down", "SEV2");
        string[] commands = ["role commander @alice", "sev 1", "status identified", "note bad deploy of payments v42", "status monitoring", "resolve rolled back"];
        foreach (var command in commands)
        {
            var (response, body) = await _client.CommandAsync(number, command);
            Assert.True(response.IsSuccessStatusCode, $"{command}: {body}");
        }

        var (_, timeline) = await _client.GetJsonAsync($"/api/incidents/{number}/timeline");
        var entries = timeline!.AsArray();

        Assert.Equal(
            ["declared", "role_assigned", "severity_changed", "status_changed", "note", "status_changed", "resolved"],
            entries.Select(e => e!["kind"]!.GetValue<string>()));
        var instants = entries.Select(e => e!["at"]!.GetValue<string>()).ToList();
        Assert.All(instants, at => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", at));
        Assert.Equal(instants.Order(StringComparer.Ordinal), instants);
        Assert.Equal("bad deploy of payments v42", entries[4]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheIncidentShowsItsStateRolesAndDurations()
    {
        var number = await _client.DeclareAsync();
        await _client.CommandAsync(number, "role commander @bob");
        await _client.CommandAsync(number, "status monitoring");
        await _client.CommandAsync(number, "resolve");

        var (response, body) = await _client.GetJsonAsync($"/api/incidents/{number}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var incident = body!["incident"]!;
        Assert.Equal("resolved", incident["status"]!.GetValue<string>());
        Assert.Equal("bob", incident["roles"]!["commander"]!.GetValue<string>());
        Assert.NotNull(incident["acknowledgedAt"]);
        Assert.NotNull(incident["durations"]!["timeToResolve"]);
    }

    [Fact]
    public async Task ListIsNewestFirstAndFiltersOpenOnes()
    {
        var first = await _client.DeclareAsync();
        var second = await _client.DeclareAsync();
        var third = await _client.DeclareAsync();
        await _client.CommandAsync(second, "resolve");

        var (_, all) = await _client.GetJsonAsync("/api/incidents");
        var (_, open) = await _client.GetJsonAsync("/api/incidents?status=open");

        Assert.Equal([third, second, first], all!.AsArray().Select(i => i!["number"]!.GetValue<int>()));
        Assert.Equal([third, first], open!.AsArray().Select(i => i!["number"]!.GetValue<int>()));
    }

    [Fact]
    public async Task ListFiltersByOneStatusNewestFirstWithinTheLimit()
    {
        await _client.DeclareAsync();
        var second = await _client.DeclareAsync();
        var third = await _client.DeclareAsync();
        var fourth = await _client.DeclareAsync();
        await _client.CommandAsync(second, "status monitoring");
        await _client.CommandAsync(third, "resolve");

        var (_, monitoring) = await _client.GetJsonAsync("/api/incidents?status=monitoring");
        var (_, resolved) = await _client.GetJsonAsync("/api/incidents?status=RESOLVED");
        var (_, investigating) = await _client.GetJsonAsync("/api/incidents?status=investigating&limit=1");
        var (_, none) = await _client.GetJsonAsync("/api/incidents?status=identified");

        Assert.Equal([second], monitoring!.AsArray().Select(i => i!["number"]!.GetValue<int>()));
        Assert.Equal([third], resolved!.AsArray().Select(i => i!["number"]!.GetValue<int>()));
        Assert.Equal([fourth], investigating!.AsArray().Select(i => i!["number"]!.GetValue<int>()));
        Assert.Empty(none!.AsArray());
    }

    [Fact]
    public async Task DeclareOverHttpKeepsTheFlags()
    {
        var (response, body) = await _client.PostJsonAsync("/api/incidents", new { title = "Game day", severity = "sev4", drill = true, @private = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/incidents/{body!["number"]}", response.Headers.Location!.ToString());
        Assert.True(body["drill"]!.GetValue<bool>());
        Assert.True(body["private"]!.GetValue<bool>());
        Assert.Equal("SEV4", body["severity"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"title\": ")]
    [InlineData("[1, 2")]
    [InlineData("not json at all")]
    [InlineData("{\"title\": 42}")]
    [InlineData("null")]
    public async Task BadJsonIsAProblemAndStoresNothing(string json)
    {
        var before = await DatabaseSnapshot.TakeAsync(_app);

        var response = await _client.PostAsync(new Uri("/api/incidents", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_app));
    }

    [Theory]
    [InlineData("{\"severity\": \"SEV1\"}", "title")]
    [InlineData("{\"title\": \"x\", \"severity\": \"SEV9\"}", "severity")]
    public async Task InvalidDeclarationsNameTheField(string json, string field)
    {
        var response = await _client.PostAsync(new Uri("/api/incidents", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem!["errors"]![field]);
    }

    [Fact]
    public async Task AWrongContentTypeIs415()
    {
        var response = await _client.PostAsync(new Uri("/api/incidents", UriKind.Relative), new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task AnOversizedBodyIs413()
    {
        var (response, _) = await _client.PostJsonAsync("/api/incidents", new { title = new string('x', JsonBody.MaxBytes) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/incidents/999")]
    [InlineData("/api/incidents/999/timeline")]
    [InlineData("/api/incidents/abc")]
    [InlineData("/api/incidents/999/postmortem?format=md")]
    public async Task UnknownIncidentsAreProblems404(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ACommandOnAnUnknownIncidentIs404AndStoresNothing()
    {
        await _client.DeclareAsync();
        var before = await DatabaseSnapshot.TakeAsync(_app);

        var (response, _) = await _client.CommandAsync(999, "note hello");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_app));
    }

    [Theory]
    [InlineData("{\"text\": ")]
    [InlineData("{\"text\": 42}")]
    [InlineData("not json at all")]
    [InlineData("")]
    public async Task BadJsonForACommandIsAProblemAndStoresNothing(string json)
    {
        var number = await _client.DeclareAsync();
        var before = await DatabaseSnapshot.TakeAsync(_app);

        var response = await _client.PostAsync(
            new Uri($"/api/incidents/{number}/commands", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_app));
    }

    [Theory]
    [InlineData("sev 7", "sev <1-4>")]
    [InlineData("frobnicate", "help [command]")]
    [InlineData("role janitor", "role <commander|scribe|comms> [@user]")]
    public async Task ABadCommandIs400WithItsUsageAndStoresNothing(string text, string usage)
    {
        var number = await _client.DeclareAsync();
        var before = await DatabaseSnapshot.TakeAsync(_app);

        var (response, body) = await _client.CommandAsync(number, text);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(usage, body!["usage"]!.GetValue<string>());
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_app));
    }

    [Fact]
    public async Task AnIllegalTransitionIs409AndStoresNothing()
    {
        var number = await _client.DeclareAsync();
        await _client.CommandAsync(number, "resolve");
        var before = await DatabaseSnapshot.TakeAsync(_app);

        var (response, body) = await _client.CommandAsync(number, "status monitoring");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("reopen", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_app));
    }

    [Fact]
    public async Task ConcurrentDeclaresGetDistinctConsecutiveNumbers()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _client.DeclareAsync()));

        Assert.Equal(Enumerable.Range(1, 50), numbers.Order());
    }

    [Fact]
    public async Task ThePostmortemRendersAsMarkdownFromTheTemplate()
    {
        var number = await _client.DeclareAsync("Orders queue backlog");
        await _client.CommandAsync(number, "role commander @alice");
        await _client.CommandAsync(number, "note consumer pool exhausted | restarted");
        await _client.CommandAsync(number, "action raise the pool size @bob due 2030-01-31");
        await _client.CommandAsync(number, "resolve");

        var response = await _client.GetAsync(new Uri($"/api/incidents/{number}/postmortem?format=md", UriKind.Relative));
        var markdown = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"# Postmortem: INC-{number} Orders queue backlog", markdown, StringComparison.Ordinal);
        foreach (var section in new[] { "## Summary", "## Impact", "## Timeline", "## Detection", "## Response", "## Action items" })
        {
            Assert.Contains(section, markdown, StringComparison.Ordinal);
        }

        Assert.Contains("consumer pool exhausted \\| restarted", markdown, StringComparison.Ordinal);
        Assert.Contains("| raise the pool size | prevent | @bob | 2030-01-31 | open |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Incident Commander | @alice |", markdown, StringComparison.Ordinal);
    }
}
