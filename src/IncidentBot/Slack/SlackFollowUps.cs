using System.Net.Http.Json;

namespace IncidentBot.Slack;

/// <summary>
/// Work that finishes after Slack has been answered (a slow command, a modal to open), tracked so that shutdown
/// waits for it, and replies sent to Slack's <c>response_url</c>.
/// </summary>
internal sealed partial class SlackFollowUps(IHttpClientFactory http, Chat.AfterAcknowledgement later, ILogger<SlackFollowUps> logger)
{
    public const string ResponseClient = "slack-response-url";

    public void Run(Func<Task> work) => later.Run(work);

    /// <inheritdoc cref="Chat.AfterAcknowledgement.WithinAsync"/>
    public Task<(bool Done, T? Result)> WithinAsync<T>(Task<T> work, TimeSpan budget, TimeProvider time, Func<T, Task> afterwards) =>
        later.WithinAsync(work, budget, time, afterwards);

    /// <summary>An ephemeral reply to the person who ran a command, through the <c>response_url</c> Slack gave us.</summary>
    public async Task ReplyAsync(string? responseUrl, string text, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return;
        }

        using var client = http.CreateClient(ResponseClient);
        using var response = await client.PostAsJsonAsync(url, new SlackReply("ephemeral", SlackText.Safe(text)), SlackClient.Outgoing, cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            LogReplyRefused(logger, (int)response.StatusCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack refused a reply to a response_url with HTTP {Status}")]
    private static partial void LogReplyRefused(ILogger logger, int status);
}
