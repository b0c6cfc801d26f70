using System.Net;
using IncidentBot.Support;

namespace IncidentBot.Alerts;

/// <summary>A 2xx means stored: the database as it is on disk the instant after the answer holds the alert.</summary>
public sealed class AlertDurabilityTests : IDisposable
{
    private readonly BotApp _app = new(settings: AlertWebhooks.Settings());
    private readonly string _copy = Directory.CreateTempSubdirectory("incidentbot-killed-").FullName;

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_copy, recursive: true);
    }

    [Fact]
    public async Task AnAcceptedWebhookSurvivesAProcessKilledRightAfterTheAnswer()
    {
        using var client = _app.CreateClient();
        var payload = AlertWebhooks.AlertmanagerGroup("NodeDown", 20);
        var (response, body) = await client.SendAsync("alertmanager", payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // A kill leaves the files as they are now: no shutdown, no checkpoint. Copy them while the first host still runs.
        foreach (var file in Directory.GetFiles(_app.Folder, "incidentbot.db*"))
        {
            await using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            await using var target = File.Create(Path.Combine(_copy, Path.GetFileName(file)));
            await source.CopyToAsync(target);
        }

        using var restarted = new BotApp(_copy, AlertWebhooks.Settings());
        using var after = restarted.CreateClient();
        var number = body!["incidents"]![0]!["number"]!.GetValue<int>();
        var (_, detail) = await after.GetJsonAsync($"/api/incidents/{number}");
        Assert.Equal(20, detail!["alertsTotal"]!.GetValue<int>());
        var (_, redelivered) = await after.SendAsync("alertmanager", payload);
        Assert.Equal(20, redelivered!["duplicates"]!.GetValue<int>());
        Assert.Equal(20, await DatabaseQuery.CountAsync(restarted, "SELECT COUNT(*) FROM alerts"));
    }
}
