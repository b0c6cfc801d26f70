using System.Text.Json;
using IncidentBot.Chat;
using IncidentBot.Incidents;
using IncidentBot.Jobs;
using IncidentBot.Storage;

namespace IncidentBot.Slack;

/// <summary>
/// Runs <c>slack.join</c> jobs: offers a catch-up to someone who joined an open incident's channel after it was
/// declared, a message only they see with the Summarize button. Not to the bot itself, which joins every channel it opens.
/// </summary>
internal sealed class SlackNudges(RoomStore rooms, IncidentQueries queries, SlackClient slack) : IJobHandler
{
    public const string JobKind = "slack.join";

    private string? _botUserId;

    public string Kind => JobKind;

    /// <summary>The job for someone's joining, keyed by the Slack event it came from.</summary>
    public static JobRequest Request(string eventId, SlackJoin join) =>
        new(JobKind, JsonSerializer.Serialize(join, SlackClient.Json), Key: "slack:event:" + eventId);

    public async Task RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var join = JsonSerializer.Deserialize<SlackJoin>(job.Payload, SlackClient.Json) ?? throw new JsonException("A join without a payload.");
        var number = await rooms.IncidentOfAsync(SlackPlatform.PlatformName, join.Channel, cancellationToken).ConfigureAwait(false);
        _botUserId ??= (await slack.CallAsync("auth.test", new { }, cancellationToken).ConfigureAwait(false)).GetProperty("user_id").GetString();
        var incident = number is { } n ? await queries.FindAsync(n, cancellationToken).ConfigureAwait(false) : null;
        if (incident is { IsOpen: true } && join.User != _botUserId)
        {
            await slack.CallAsync("chat.postEphemeral", new
            {
                Channel = join.Channel,
                User = join.User,
                Text = $"Welcome to {incident.Key}: {SlackText.Safe(incident.Title)}. It is {incident.Severity.Label()} and {incident.Status.Name()}; press Summarize (or type `/incident summary`) to catch up.",
                Blocks = SlackBlocks.Nudge(incident),
            }, cancellationToken).ConfigureAwait(false);
        }
    }
}
