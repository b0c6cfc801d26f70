using System.Text.Json;
using IncidentBot.Chat;
using IncidentBot.Dashboard;
using IncidentBot.Incidents;
using IncidentBot.Timeline;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

/// <summary>
/// Carries timeline entries to Slack. A declaration opens the room in six recorded steps (channel, topic, invite,
/// pinned welcome, bookmark, announcement); other entries update the topic, post a line and announce what
/// stakeholders need. Each step is recorded before the next, so a retry never repeats a call that succeeded.
/// </summary>
internal sealed class SlackPlatform(SlackClient slack, IOptions<SlackOptions> options, IOptions<DashboardOptions> dashboard) : IChatPlatform
{
    public const string PlatformName = "slack";

    private const int MaxNameAttempts = 20;

    public string Name => PlatformName;

    public Task DeliverAsync(Delivery delivery, IDeliveryProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return DeliverySteps.RunAsync(delivery, progress, delivery.Entry.Kind == TimelineKind.Declared ? DeclarationSteps() : EntrySteps(), cancellationToken);
    }

    private List<DeliverySteps.Step> DeclarationSteps() => [OpenRoomAsync, SetTopicAsync, InviteDeclarerAsync, WelcomeAsync, BookmarkAsync, AnnounceAsync];

    private List<DeliverySteps.Step> EntrySteps() => [SetTopicIfChangedAsync, InviteAssigneeAsync, PostLineAsync, AnnounceAsync];

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

    private async Task<Room?> WelcomeAsync(Delivery d, IDeliveryProgress progress, CancellationToken ct)
    {
        var room = RoomOf(d);
        var posted = await slack.CallAsync("chat.postMessage", new
        {
            Channel = room.Id,
            Text = SlackText.Safe(ChatText.Welcome(d.Incident, SlackCommandEndpoint.Prefix)),
            Blocks = SlackBlocks.Welcome(d.Incident),
        }, ct).ConfigureAwait(false);
        try
        {
            await slack.CallAsync("pins.add", new { Channel = room.Id, Timestamp = posted.GetProperty("ts").GetString() }, ct).ConfigureAwait(false);
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

        await slack.CallAsync("chat.postMessage", new { Channel = d.Room.Id, Text = SlackText.Safe(line) }, ct).ConfigureAwait(false);
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
        await slack.CallAsync("chat.postMessage", new { Channel = channel, Text = SlackText.Safe(text) + room + link }, ct).ConfigureAwait(false);
        return null;
    }

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
