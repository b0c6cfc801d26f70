using System.Text.Json;
using IncidentBot.Chat;
using IncidentBot.Dashboard;
using IncidentBot.Incidents;
using IncidentBot.Timeline;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

/// <summary>
/// Carries timeline entries to Slack. A declaration opens the room in seven recorded steps (channel, topic, invite,
/// welcome, bookmark, announcement, pin of the welcome); other entries update the topic, invite a new role holder,
/// post a line and announce what stakeholders need. Each step is recorded before the next, so a retry never repeats a
/// call that succeeded. The topic, invites, bookmark and pin are decoration: refused, they are logged and counted, and
/// the room goes on without them. Every post carries its delivery and step in Slack's message metadata, so a post
/// that may have been made by an earlier try (a timeout, a crash) is looked up in the channel before it is made again.
/// </summary>
internal sealed partial class SlackPlatform(
    SlackClient slack, IOptions<SlackOptions> options, IOptions<DashboardOptions> dashboard, Health.IncidentMetrics metrics,
    ILogger<SlackPlatform> logger) : IChatPlatform
{
    public const string PlatformName = "slack";

    /// <summary>The metadata event type of the bot's own posts.</summary>
    public const string DeliveryEvent = "incidentbot_delivery";

    private const int MaxNameAttempts = 20;

    /// <summary>The index of the welcome among a declaration's steps, for the pin that follows it.</summary>
    private const int WelcomeStep = 3;

    public string Name => PlatformName;

    public Task DeliverAsync(Delivery delivery, IDeliveryProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return DeliverySteps.RunAsync(delivery, progress, delivery.Entry.Kind == TimelineKind.Declared ? DeclarationSteps() : EntrySteps(), cancellationToken);
    }

    private List<DeliverySteps.Step> DeclarationSteps()
    {
        var welcome = new Posted();
        return
        [
            OpenRoomAsync, Optional(SetTopicAsync), Optional(InviteDeclarerAsync), (d, p, ct) => WelcomeAsync(d, welcome, ct),
            Optional(BookmarkAsync), AnnounceAsync, Optional((d, p, ct) => PinWelcomeAsync(d, welcome, ct)),
        ];
    }

    private List<DeliverySteps.Step> EntrySteps() => [Optional(SetTopicIfChangedAsync), Optional(InviteAssigneeAsync), PostLineAsync, AnnounceAsync];

    private DeliverySteps.Step Optional(DeliverySteps.Step step) => DeliverySteps.Optional(step, (d, refusal) =>
    {
        LogSkipped(logger, d.Incident.Key, refusal.Message);
        metrics.SkippedSteps.WithLabels(PlatformName).Inc();
    });

    private async Task<Room?> OpenRoomAsync(Delivery d, IDeliveryProgress progress, CancellationToken ct)
    {
        if (d.Room is not null)
        {
            return d.Room;
        }

        var style = ChannelNameStyle.Japanese;
        for (var attempt = 1; ; attempt++)
        {
            var name = SlackChannelName.For(d.Incident.Number, d.Incident.Title, attempt, style);
            try
            {
                var created = await slack.CallAsync("conversations.create", new { Name = name, IsPrivate = d.Incident.IsPrivate }, ct).ConfigureAwait(false);
                var channel = created.GetProperty("channel");
                var room = new Room(d.Incident.Number, Name, channel.GetProperty("id").GetString()!, channel.GetProperty("name").GetString() ?? name);
                await progress.RoomOpenedAsync(room, ct).ConfigureAwait(false);
                return room;
            }
            catch (SlackApiException taken) when (taken.Error == "name_taken" && attempt < MaxNameAttempts)
            {
                // Someone has that name (an archived channel keeps its name): try the next suffix.
            }
            catch (SlackApiException refused) when (SlackChannelName.IsRefusedName(refused.Error)
                && SlackChannelName.Plainer(d.Incident.Number, d.Incident.Title, style) is { } plainer)
            {
                // A workspace may refuse the Japanese letters: the room opens under a plainer name rather than not at all.
                style = plainer;
                attempt = 0;
            }
        }
    }

    private async Task<Room?> SetTopicAsync(Delivery d, IDeliveryProgress progress, CancellationToken ct)
    {
        await slack.CallAsync("conversations.setTopic", new { Channel = RoomOf(d).Id, Topic = ChatText.Topic(d.Incident) }, ct).ConfigureAwait(false);
        return null;
    }

    private Task<Room?> SetTopicIfChangedAsync(Delivery d, IDeliveryProgress progress, CancellationToken ct) =>
        d.Room is not null && d.Entry.Kind is TimelineKind.RoleAssigned or TimelineKind.SeverityChanged or TimelineKind.StatusChanged
            or TimelineKind.Resolved or TimelineKind.Reopened
            ? SetTopicAsync(d, progress, ct)
            : Task.FromResult<Room?>(null);

    private Task<Room?> InviteDeclarerAsync(Delivery d, IDeliveryProgress progress, CancellationToken ct) =>
        InviteAsync(RoomOf(d), SlackUser.IdOf(d.Incident.DeclaredBy), ct);

    private Task<Room?> InviteAssigneeAsync(Delivery d, IDeliveryProgress progress, CancellationToken ct)
    {
        if (d.Room is null || d.Entry.Kind != TimelineKind.RoleAssigned)
        {
            return Task.FromResult<Room?>(null);
        }

        var holders = new[] { d.Incident.Commander, d.Incident.Scribe, d.Incident.Comms };
        var assignee = holders.FirstOrDefault(h => h is not null && d.Entry.Text.StartsWith(h, StringComparison.Ordinal));
        return InviteAsync(d.Room, SlackUser.IdOf(assignee), ct);
    }

    private async Task<Room?> InviteAsync(Room room, string? userId, CancellationToken ct)
    {
        if (userId is null)
        {
            return null;
        }

        try
        {
            await slack.CallAsync("conversations.invite", new { Channel = room.Id, Users = userId }, ct).ConfigureAwait(false);
        }
        catch (SlackApiException done) when (done.Error is "already_in_channel" or "cant_invite_self")
        {
            // The person is there already.
        }

        return null;
    }

    private async Task<Room?> WelcomeAsync(Delivery d, Posted welcome, CancellationToken ct)
    {
        welcome.Ts = await PostOnceAsync(d, RoomOf(d).Id, SlackText.Safe(ChatText.Welcome(d.Incident, SlackCommandEndpoint.Prefix)), SlackBlocks.Welcome(d.Incident), ct)
            .ConfigureAwait(false);
        return null;
    }

    /// <summary>Pins the welcome, found by its metadata when this run did not post it (it was posted before a restart).</summary>
    private async Task<Room?> PinWelcomeAsync(Delivery d, Posted welcome, CancellationToken ct)
    {
        var room = RoomOf(d);
        var ts = welcome.Ts ?? await FindPostedAsync(room.Id, d with { StepsDone = WelcomeStep }, ct).ConfigureAwait(false);
        if (ts is null)
        {
            throw new ChatDeliveryException($"The welcome of {d.Incident.Key} is not in its channel to pin.", refused: true);
        }

        try
        {
            await slack.CallAsync("pins.add", new { Channel = room.Id, Timestamp = ts }, ct).ConfigureAwait(false);
        }
        catch (SlackApiException pinned) when (pinned.Error == "already_pinned")
        {
            // A retry after the pin went through.
        }

        return null;
    }

    private async Task<Room?> BookmarkAsync(Delivery d, IDeliveryProgress progress, CancellationToken ct)
    {
        await slack.CallAsync("bookmarks.add", new
        {
            ChannelId = RoomOf(d).Id,
            Title = $"{d.Incident.Key} on the dashboard",
            Type = "link",
            Link = dashboard.Value.IncidentLink(d.Incident.Number),
        }, ct).ConfigureAwait(false);
        return null;
    }

    private async Task<Room?> PostLineAsync(Delivery d, IDeliveryProgress progress, CancellationToken ct)
    {
        if (d.Room is null || ChatText.RoomLine(d.Entry, d.Incident) is not { } line)
        {
            return null;
        }

        if (d.Entry.Kind == TimelineKind.PostmortemDrafted)
        {
            line += $"\n<{dashboard.Value.PostmortemLink(d.Incident.Number)}|Read the draft>";
        }

        await PostOnceAsync(d, d.Room.Id, SlackText.Safe(line), null, ct).ConfigureAwait(false);
        return null;
    }

    private async Task<Room?> AnnounceAsync(Delivery d, IDeliveryProgress progress, CancellationToken ct)
    {
        var channel = options.Value.AnnouncementsChannel;
        if (channel.Length == 0 || ChatText.Announcement(d.Entry, d.Incident) is not { } text)
        {
            return null;
        }

        var room = d.Room is null ? "" : $" · <#{d.Room.Id}>";
        var link = $" · <{dashboard.Value.IncidentLink(d.Incident.Number)}|dashboard>";
        await PostOnceAsync(d, channel, SlackText.Safe(text) + room + link, null, ct).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Posts a step's message with its delivery and step as metadata, unless an earlier try of this step already did
    /// (looked up only when there was an earlier try); the message's ts.
    /// </summary>
    private async Task<string?> PostOnceAsync(Delivery d, string channel, string text, object? blocks, CancellationToken ct)
    {
        if (d.Retried && await FindPostedAsync(channel, d, ct).ConfigureAwait(false) is { } earlier)
        {
            return earlier;
        }

        var posted = await slack.CallAsync("chat.postMessage", new
        {
            Channel = channel,
            Text = text,
            Blocks = blocks,
            Metadata = new { EventType = DeliveryEvent, EventPayload = new { Delivery = d.Id, Step = d.StepsDone } },
        }, ct).ConfigureAwait(false);
        return JsonObjects.Property(posted, "ts")?.GetString();
    }

    /// <summary>The ts of the message this delivery's step posted, among the channel's newest messages; null when it is not there.</summary>
    private async Task<string?> FindPostedAsync(string channel, Delivery d, CancellationToken ct)
    {
        var page = await slack.ReadAsync("conversations.history",
            [new("channel", channel), new("limit", "200"), new("include_all_metadata", "true")], ct).ConfigureAwait(false);
        foreach (var message in page.GetProperty("messages").EnumerateArray())
        {
            if (JsonObjects.Property(message, "metadata") is { ValueKind: JsonValueKind.Object } metadata &&
                JsonObjects.Property(metadata, "event_type")?.GetString() == DeliveryEvent &&
                JsonObjects.Property(metadata, "event_payload") is { ValueKind: JsonValueKind.Object } payload &&
                JsonObjects.Property(payload, "delivery") is { ValueKind: JsonValueKind.Number } delivery && delivery.GetInt64() == d.Id &&
                JsonObjects.Property(payload, "step") is { ValueKind: JsonValueKind.Number } step && step.GetInt32() == d.StepsDone)
            {
                return JsonObjects.Property(message, "ts")?.GetString();
            }
        }

        return null;
    }

    /// <summary>The welcome's ts, handed from the step that posts it to the step that pins it.</summary>
    private sealed class Posted
    {
        public string? Ts { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack refused a decorative step for {Incident}; the room goes on without it: {Error}")]
    private static partial void LogSkipped(ILogger logger, string incident, string error);

    private static Room RoomOf(Delivery d) =>
        d.Room ?? throw new ChatDeliveryException($"{d.Incident.Key} has no Slack channel yet.", refused: false);

    /// <summary>Reads a Slack timestamp (<c>1503435956.000247</c>) as an instant.</summary>
    public static DateTimeOffset InstantOf(string ts)
    {
        var seconds = ts.Split('.');
        var whole = long.Parse(seconds[0], System.Globalization.CultureInfo.InvariantCulture);
        var micros = seconds.Length > 1 ? long.Parse(seconds[1].PadRight(6, '0')[..6], System.Globalization.CultureInfo.InvariantCulture) : 0;
        return DateTimeOffset.FromUnixTimeSeconds(whole).AddTicks(micros * 10);
    }
}
