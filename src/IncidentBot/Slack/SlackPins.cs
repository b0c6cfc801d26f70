using System.Text.Json;
using IncidentBot.Chat;
using IncidentBot.Jobs;
using IncidentBot.Storage;
using IncidentBot.Timeline;

namespace IncidentBot.Slack;

/// <summary>
/// Runs <c>slack.pin</c> jobs: a message someone put on the timeline (📌 or the shortcut), stored as a job before Slack
/// is acknowledged, its key the event's id so Slack's redeliveries are dropped. The message is fetched from Slack (text,
/// author, permalink) and written as a <c>pinned_message</c> entry carrying the message's own time, in the same
/// transaction that finishes the job; the entry's source key keeps a message on the timeline once however often it is pinned.
/// </summary>
internal sealed class SlackPins(DatabaseWriter writer, RoomStore rooms, SlackClient slack, SlackFollowUps followUps) : IJobHandler
{
    public const string JobKind = "slack.pin";

    public string Kind => JobKind;

    /// <summary>The job for a pin, keyed by the Slack event (or shortcut) it came from.</summary>
    public static JobRequest Request(string eventId, SlackPin pin) =>
        new(JobKind, JsonSerializer.Serialize(pin, SlackClient.Json), Key: "slack:event:" + eventId);

    public async Task RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var pin = JsonSerializer.Deserialize<SlackPin>(job.Payload, SlackClient.Json) ?? throw new JsonException("A pin without a payload.");
        var incident = await rooms.IncidentOfAsync(SlackPlatform.PlatformName, pin.Channel, cancellationToken).ConfigureAwait(false);
        if (incident is null)
        {
            await followUps.ReplyAsync(pin.ResponseUrl, "⚠️ This channel is not an incident room, so there is no timeline to add to.", cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var permalink = (await slack.ReadAsync("chat.getPermalink", [new("channel", pin.Channel), new("message_ts", pin.Ts)], cancellationToken)
            .ConfigureAwait(false)).GetProperty("permalink").GetString();
        var (author, text) = pin.Text is null
            ? await FetchMessageAsync(pin.Channel, pin.Ts, permalink, cancellationToken).ConfigureAwait(false)
            : (pin.Author, pin.Text);
        var who = author is null ? pin.PinnedBy : SlackUser.Mention(author, await NameOfAsync(author, cancellationToken).ConfigureAwait(false));
        var stored = await writer.WriteAsync(async (scope, ct) =>
        {
            var current = await scope.Ledger.FindAsync(incident.Value, ct).ConfigureAwait(false);
            TimelineEntry? entry = null;
            if (current is not null)
            {
                var pinned = current.Record(TimelineKind.PinnedMessage, text.Length == 0 ? "(a message without text)" : text, who, SlackPlatform.InstantOf(pin.Ts))
                    with
                { SourceKey = $"slack:{pin.Channel}:{pin.Ts}", Link = permalink };
                entry = await scope.Ledger.AppendAsync(pinned, ct).ConfigureAwait(false);
            }

            await job.FinishWithinAsync(scope, ct).ConfigureAwait(false);
            return entry;
        }, cancellationToken).ConfigureAwait(false);
        await followUps.ReplyAsync(
            pin.ResponseUrl, stored is null ? "That message is on the timeline already." : $"📌 Added to the timeline of INC-{incident}.", cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>A message by its channel and ts; a reply in a thread is found through its permalink's <c>thread_ts</c>.</summary>
    private async Task<(string? Author, string Text)> FetchMessageAsync(string channel, string ts, string? permalink, CancellationToken cancellationToken)
    {
        var thread = permalink is null ? null : Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(permalink).Query)
            .TryGetValue("thread_ts", out var value) ? value.ToString() : null;
        var page = thread is not null && thread != ts
            ? await slack.ReadAsync("conversations.replies",
                [new("channel", channel), new("ts", thread), new("oldest", ts), new("latest", ts), new("inclusive", "true"), new("limit", "10")],
                cancellationToken).ConfigureAwait(false)
            : await slack.ReadAsync("conversations.history",
                [new("channel", channel), new("oldest", ts), new("latest", ts), new("inclusive", "true"), new("limit", "1")],
                cancellationToken).ConfigureAwait(false);
        foreach (var message in page.GetProperty("messages").EnumerateArray())
        {
            if (JsonObjects.Property(message, "ts")?.GetString() == ts)
            {
                return (JsonObjects.Property(message, "user")?.GetString(), JsonObjects.Property(message, "text")?.GetString() ?? "");
            }
        }

        throw new ChatDeliveryException($"Slack has no message {ts} in {channel}.", refused: true);
    }

    private async Task<string?> NameOfAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            var user = (await slack.ReadAsync("users.info", [new("user", userId)], cancellationToken).ConfigureAwait(false)).GetProperty("user");
            return JsonObjects.Property(user, "name")?.GetString();
        }
        catch (ChatDeliveryException)
        {
            return null;
        }
    }
}
