using System.Collections.Concurrent;
using System.Net.Http.Json;

namespace IncidentBot.Slack;

/// <summary>
/// Work that finishes after Slack has been answered (a slow command, a modal to open), tracked so that shutdown
/// waits for it, and replies sent to Slack's <c>response_url</c>.
/// </summary>
internal sealed partial class SlackFollowUps(IHttpClientFactory http, ILogger<SlackFollowUps> logger) : IHostedService
{
    public const string ResponseClient = "slack-response-url";

    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public void Run(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var task = Task.Run(async () =>
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                LogFollowUpFailed(logger, exception);
            }
        });
        _running[task] = 0;
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>An ephemeral reply to the person who ran a command, through the <c>response_url</c> Slack gave us.</summary>
    public async Task ReplyAsync(string? responseUrl, string text, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return;
        }

        using var client = http.CreateClient(ResponseClient);
        using var response = await client.PostAsJsonAsync(url, new SlackReply("ephemeral", SlackText.Safe(text)), SlackClient.Json, cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            LogReplyRefused(logger, (int)response.StatusCode);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutdown ran out of time; what is left is logged by its own task if it fails.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Work after a Slack acknowledgement failed")]
    private static partial void LogFollowUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack refused a reply to a response_url with HTTP {Status}")]
    private static partial void LogReplyRefused(ILogger logger, int status);
}
