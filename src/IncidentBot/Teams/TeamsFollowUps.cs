namespace IncidentBot.Teams;

/// <summary>
/// Work that finishes after Teams has been answered (a command's reply, a welcome), tracked so that shutdown waits
/// for it, and replies sent through the Bot Connector.
/// </summary>
internal sealed class TeamsFollowUps(TeamsClient teams, Chat.AfterAcknowledgement later)
{
    public void Run(Func<Task> work) => later.Run(work);

    /// <inheritdoc cref="Chat.AfterAcknowledgement.WithinAsync"/>
    public Task<(bool Done, T? Result)> WithinAsync<T>(Task<T> work, TimeSpan budget, TimeProvider time, Func<T, Task> afterwards) =>
        later.WithinAsync(work, budget, time, afterwards);

    /// <summary>Answers an activity in its own conversation (in a channel, in the same thread).</summary>
    public Task ReplyAsync(TeamsActivity activity, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var url = TeamsClient.Activities(activity.ServiceUrl!, activity.Conversation!.Id!, activity.Id);
        return teams.CallAsync(HttpMethod.Post, url, TeamsClient.Message(text, activity.Id), TeamsOptions.ConnectorScope, cancellationToken);
    }
}
