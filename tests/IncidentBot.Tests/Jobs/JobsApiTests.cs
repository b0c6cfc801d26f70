using System.Net;
using IncidentBot.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Jobs;

public sealed class JobsApiTests
{
    [Fact]
    public async Task PendingJobsAreListedInPagesOldestFirst()
    {
        using var app = new BotApp();
        var client = app.CreateClient();
        var store = app.Services.GetRequiredService<JobStore>();
        var later = DateTimeOffset.UtcNow.AddDays(1);
        for (var i = 0; i < 5; i++)
        {
            await store.EnqueueAsync(new JobRequest("test.page", "{}", DueAt: later), default);
        }

        var first = (await client.GetJsonAsync("/api/jobs?state=pending&limit=3")).Body!;
        var next = first["next"]!.GetValue<string>();
        var second = (await client.GetJsonAsync(next)).Body!;

        var ids = first["jobs"]!.AsArray().Concat(second["jobs"]!.AsArray()).Where(j => j!["kind"]!.GetValue<string>() == "test.page")
            .Select(j => j!["id"]!.GetValue<long>()).ToList();
        Assert.Equal(5, ids.Count);
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public async Task AnUnknownStateIsAProblemThatNamesTheStates()
    {
        using var app = new BotApp();

        var (response, body) = await app.CreateClient().GetJsonAsync("/api/jobs?state=everything");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("pending, failed or set-aside", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQueueNeedsTheApiTokenWhenOneIsSet()
    {
        using var app = new BotApp(settings: new Dictionary<string, string?> { ["Api:Token"] = "s3cret-token" });
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/jobs", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(new Uri("/api/jobs/1/retry", UriKind.Relative), null)).StatusCode);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret-token");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/jobs", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task MetricsCountJobsByKindAndStateAndTheAgeOfTheOldestDueJob()
    {
        using var app = new BotApp();
        var client = app.CreateClient();
        await app.Services.GetRequiredService<JobStore>().EnqueueAsync(new JobRequest("test.metrics", "{}", DueAt: DateTimeOffset.UtcNow.AddDays(1)), default);

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var lines = metrics.Split('\n').Where(l => l.StartsWith("incidentbot_jobs", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Contains("incidentbot_jobs{kind=\"test.metrics\",state=\"pending\"} 1"), string.Join('\n', lines));
        Assert.Contains(lines, l => l.StartsWith("incidentbot_jobs_oldest_due_seconds ", StringComparison.Ordinal));
    }
}
