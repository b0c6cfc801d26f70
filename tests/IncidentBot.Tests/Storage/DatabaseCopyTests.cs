using System.Net.Http.Headers;
using System.Text;
using IncidentBot.Support;

namespace IncidentBot.Storage;

public sealed class DatabaseCopyTests
{
    [Fact]
    public async Task CopyingSqliteIntoPostgresKeepsEveryRowAndTheSameApiAnswers()
    {
        await using var slack = await FakeSlack.StartAsync();
        var settings = SlackBot.Settings(slack);
        settings["Alerts:generic:Secret"] = "s3cret";
        string[] urls = ["/api/incidents", "/api/incidents/1", "/api/incidents/1/timeline", "/api/incidents/2", "/api/incidents/2/timeline"];
        var before = new List<string>();
        string folder;
        using (var sqlite = new BotApp(settings: settings))
        {
            folder = sqlite.Folder;
            var client = sqlite.CreateClient();
            var number = await client.DeclareAsync("Payments API down", "SEV1");
            await client.CommandAsync(number, "role commander @alice");
            await client.CommandAsync(number, "note rolled back v42");
            await client.CommandAsync(number, "action add a canary stage @bob due 2030-01-01 prevent");
            await client.CommandAsync(number, "resolve");
            await client.CommandAsync(number, "postmortem");
            using var alert = new HttpRequestMessage(HttpMethod.Post, "/webhooks/alerts/generic")
            {
                Content = new StringContent("""{"title": "Disk full on db-1", "status": "firing", "severity": "error", "fingerprint": "disk-db-1", "startsAt": "2025-03-04T13:05:00.250Z", "labels": {"alertname": "DiskFull", "service": "db"}}""", Encoding.UTF8, "application/json"),
            };
            alert.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
            Assert.True((await client.SendAsync(alert)).IsSuccessStatusCode);
            await Wait.Until(() => slack.Accepted("conversations.create").Count == 2, "both rooms");
            foreach (var url in urls)
            {
                before.Add(await client.GetStringAsync(new Uri(url, UriKind.Relative)));
            }
        }

        var target = TestDatabase.NewPostgres();
        using var output = new StringWriter();
        var exit = await DatabaseCopy.RunAsync(
            ["--to", target.ConnectionString, $"--Storage:ConnectionString=Data Source={Path.Combine(folder, "incidentbot.db")}"], output);

        Assert.True(exit == 0, output.ToString());
        Assert.DoesNotContain("MISMATCH", output.ToString(), StringComparison.Ordinal);
        foreach (var table in new[] { "incidents", "timeline_entries", "action_items", "rooms", "jobs", "alerts", "alert_states", "postmortem_versions" })
        {
            Assert.Matches($@"(?m)^{table}\s+[1-9][\d,]*\s+→\s+[1-9][\d,]*\s+ok$", output.ToString());
        }

        using var postgres = new BotApp(Directory.CreateTempSubdirectory("incidentbot-test-").FullName, settings, target);
        var again = postgres.CreateClient();
        for (var i = 0; i < urls.Length; i++)
        {
            Assert.Equal(before[i], await again.GetStringAsync(new Uri(urls[i], UriKind.Relative)));
        }

        Assert.Equal(3, await again.DeclareAsync());
        var (_, notes) = await again.CommandAsync(3, "note numbering and identities continue after the copy");
        var copiedIds = new[] { before[2], before[4] }.SelectMany(t => System.Text.Json.Nodes.JsonNode.Parse(t)!.AsArray()).Select(e => e!["id"]!.GetValue<long>());
        Assert.Equal(copiedIds.Max() + 2, notes!["entries"]![0]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task ATargetWithIncidentsIsRefused()
    {
        var target = TestDatabase.NewPostgres();
        using (var existing = new BotApp(database: target))
        {
            await existing.CreateClient().DeclareAsync();
        }

        using var source = new BotApp();
        await source.CreateClient().DeclareAsync();
        using var output = new StringWriter();

        var exit = await DatabaseCopy.RunAsync(["--to", target.ConnectionString, $"--Storage:ConnectionString=Data Source={source.DatabaseFile}"], output);

        Assert.Equal(1, exit);
        Assert.Contains("already has incidents", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingSourceFileIsNamedInsteadOfCopyingAnEmptyDatabase()
    {
        var target = TestDatabase.NewPostgres();
        var missing = Path.Combine(Directory.CreateTempSubdirectory("incidentbot-test-").FullName, "nowhere.db");
        using var output = new StringWriter();

        var exit = await DatabaseCopy.RunAsync(["--to", target.ConnectionString, $"--Storage:ConnectionString=Data Source={missing}"], output);

        Assert.Equal(1, exit);
        Assert.Contains(missing, output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }
}
