using System.Net;
using IncidentBot.Storage;
using IncidentBot.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Health;

public sealed class HealthAndMetricsTests : IDisposable
{
    private readonly BotApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ReadinessSaysTheDatabaseAnswers()
    {
        var response = await _app.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadinessFailsWhenTheDatabaseIsGone()
    {
        var client = _app.CreateClient();
        await client.DeclareAsync();
        var database = _app.Services.GetRequiredService<Database>();

        // A connection opened before the file went away goes back to the pool after: the probe must not answer
        // through it.
        await using (var opened = await database.OpenAsync(CancellationToken.None))
        {
            File.Delete(_app.DatabaseFile);
            File.Delete(_app.DatabaseFile + "-wal");
            File.Delete(_app.DatabaseFile + "-shm");
        }

        var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TheReadinessProbeDoesNotCreateAnEmptyDatabaseWhereTheRealOneWas()
    {
        var file = Path.Combine(_app.Folder, "gone", "incidentbot.db");
        using var database = new SqliteDatabase(Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = $"Data Source={file}" }));

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => database.OpenForProbeAsync(CancellationToken.None));

        Assert.False(File.Exists(file));
        await using var connection = await database.OpenAsync(CancellationToken.None);
        Assert.True(File.Exists(file), "an ordinary connection still creates the file, as the first start needs");
    }

    [Fact]
    public async Task MetricsCountIncidentsByStatusAndSeverityLeavingDrillsOut()
    {
        var client = _app.CreateClient();
        await client.DeclareAsync(severity: "SEV1");
        await client.DeclareAsync(severity: "SEV1");
        var resolved = await client.DeclareAsync(severity: "SEV3");
        await client.CommandAsync(resolved, "resolve");
        await client.PostJsonAsync("/api/incidents", new { title = "Game day", severity = "SEV1", drill = true });

        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("incidentbot_incidents{status=\"investigating\",severity=\"SEV1\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("incidentbot_incidents{status=\"resolved\",severity=\"SEV3\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("http_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("http_requests_received_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetricsShowTheSizeOfTheWriteAheadLogBesideItsBound()
    {
        var client = _app.CreateClient();
        await client.DeclareAsync();

        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("incidentbot_sqlite_wal_limit_bytes 67108864", text, StringComparison.Ordinal);
        var line = text.Split('\n').Single(l => l.StartsWith("incidentbot_sqlite_wal_bytes ", StringComparison.Ordinal));
        Assert.Equal(new FileInfo(_app.DatabaseFile + "-wal").Length, long.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
