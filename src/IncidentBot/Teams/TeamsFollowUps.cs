using System.Collections.Concurrent;

namespace IncidentBot.Teams;

/// <summary>
/// Work that finishes after Teams has been answered (a command's reply, a welcome), tracked so that shutdown waits
/// for it, and replies sent through the Bot Connector.
/// </summary>
internal sealed partial class TeamsFollowUps(TeamsClient teams, ILogger<TeamsFollowUps> logger) : IHostedService
{
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

    /// <summary>Answers an activity in its own conversation (in a channel, in the same thread).</summary>
    public Task ReplyAsync(TeamsActivity activity, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var url = TeamsClient.Activities(activity.ServiceUrl!, activity.Conversation!.Id!, activity.Id);
        return teams.CallAsync(HttpMethod.Post, url, TeamsClient.Message(text, activity.Id), TeamsOptions.ConnectorScope, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Work after a Teams acknowledgement failed")]
    private static partial void LogFollowUpFailed(ILogger logger, Exception exception);
}
