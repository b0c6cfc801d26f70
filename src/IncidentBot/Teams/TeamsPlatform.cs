using System.Text.Json;
using IncidentBot.Chat;
using IncidentBot.Dashboard;
using IncidentBot.Timeline;
using Microsoft.Extensions.Options;

namespace IncidentBot.Teams;

/// <summary>
/// Carries timeline entries to Teams. A declaration opens the room in two recorded steps: a new channel of the Team
/// through Graph, then the welcome card as the channel's first post; or, without a Team, one step: a new post in the
/// incidents channel whose thread is the room, the welcome card as its root. Other entries post a card (role, severity,
/// status, resolution, status update, postmortem) or a line. Each step is recorded before the next, so a retry never
/// repeats a call that succeeded. Private incidents get no Teams room, since its channels and threads are open to
/// everyone in the Team.
/// </summary>
internal sealed class TeamsPlatform(
    TeamsClient teams, TeamsConversations conversations, IOptions<TeamsOptions> options, IOptions<DashboardOptions> dashboard) : IChatPlatform
{
    public const string PlatformName = "teams";

    private const int MaxNameAttempts = 20;

    public string Name => PlatformName;

    public Task DeliverAsync(Delivery delivery, IDeliveryProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        List<DeliverySteps.Step> steps = delivery.Entry.Kind == TimelineKind.Declared ? [OpenRoomAsync, WelcomeAsync] : [PostAsync];
        return DeliverySteps.RunAsync(delivery, progress, steps, cancellationToken);
    }

    /// <summary>A room that is a thread of the incidents channel (its conversation id names the root message).</summary>
    public static bool IsThread(Room room) => room.Id.Contains(";messageid=", StringComparison.Ordinal);

    private async Task<Room?> OpenRoomAsync(Delivery d, IDeliveryProgress progress, CancellationToken ct)
    {
        if (d.Room is not null || d.Incident.IsPrivate)
        {
            // A private incident gets no Teams room: every room Teams offers here is open to the whole Team.
            return d.Room;
        }

        var settings = options.Value;
        var serviceUrl = await ServiceUrlAsync(settings.IncidentsChannel, ct).ConfigureAwait(false);
        Room room;
        if (settings.ChannelsPerIncident)
        {
            var channel = await CreateChannelAsync(d, ct).ConfigureAwait(false);
            room = new Room(d.Incident.Number, Name, channel.GetProperty("id").GetString()!, channel.GetProperty("displayName").GetString() ?? "",
                channel.TryGetProperty("webUrl", out var web) ? web.GetString() : null);
        }
        else
        {
            var thread = await CreateConversationAsync(serviceUrl, settings.IncidentsChannel, d, ct).ConfigureAwait(false);
            room = new Room(d.Incident.Number, Name, thread, $"{d.Incident.Key}: {d.Incident.Title}");
        }

        await conversations.RememberAsync([room.Id], serviceUrl, settings.TenantId.Length > 0 ? settings.TenantId : null, ct).ConfigureAwait(false);
        await progress.RoomOpenedAsync(room, ct).ConfigureAwait(false);
        return room;
    }

    private async Task<JsonElement> CreateChannelAsync(Delivery d, CancellationToken ct)
    {
        var settings = options.Value;
        var graph = ChatHttp.BaseAddress(settings.GraphBaseUrl);
        var url = new Uri(graph, $"teams/{Uri.EscapeDataString(settings.TeamId)}/channels");
        for (var attempt = 1; ; attempt++)
        {
            var name = TeamsChannelName.For(d.Incident.Number, d.Incident.Title, attempt);
            try
            {
                return await teams.CallAsync(HttpMethod.Post, url, new
                {
                    DisplayName = name,
                    Description = $"{d.Incident.Key}: {d.Incident.Title}",
                    MembershipType = "standard",
                }, TeamsOptions.GraphScope, ct).ConfigureAwait(false);
            }
            catch (TeamsApiException taken) when ((taken.Status == 409 || taken.Code == "NameAlreadyExists") && attempt < MaxNameAttempts)
            {
                // An existing (or deleted, for 30 days) channel has that name: try the next suffix.
            }
        }
    }

    /// <summary>A new post in a channel, carrying the welcome card; its thread's conversation id.</summary>
    private async Task<string> CreateConversationAsync(string serviceUrl, string channelId, Delivery d, CancellationToken ct)
    {
        var tenant = options.Value.TenantId.Length > 0 ? options.Value.TenantId : null;
        var created = await teams.CallAsync(HttpMethod.Post, TeamsClient.Conversations(serviceUrl), new
        {
            IsGroup = true,
            TenantId = tenant,
            ChannelData = new { Channel = new { Id = channelId }, Tenant = tenant is null ? null : new { Id = tenant } },
            Activity = TeamsClient.CardMessage(TeamsCards.Welcome(d.Incident, dashboard.Value.IncidentLink(d.Incident.Number)), $"{d.Incident.Key}: {d.Incident.Title}"),
        }, TeamsOptions.ConnectorScope, ct).ConfigureAwait(false);
        return created.GetProperty("id").GetString()!;
    }

    private async Task<Room?> WelcomeAsync(Delivery d, IDeliveryProgress progress, CancellationToken ct)
    {
        if (d.Room is { } room && !IsThread(room))
        {
            await CreateConversationAsync(await ServiceUrlAsync(room.Id, ct).ConfigureAwait(false), room.Id, d, ct).ConfigureAwait(false);
        }

        return null;
    }

    private async Task<Room?> PostAsync(Delivery d, IDeliveryProgress progress, CancellationToken ct)
    {
        if (d.Room is null || ChatText.RoomLine(d.Entry, d.Incident) is not { } line)
        {
            return null;
        }

        var link = dashboard.Value.IncidentLink(d.Incident.Number);
        var activity = d.Entry.Kind switch
        {
            TimelineKind.RoleAssigned or TimelineKind.SeverityChanged or TimelineKind.StatusChanged or TimelineKind.Resolved or TimelineKind.Reopened =>
                TeamsClient.CardMessage(TeamsCards.StateChange(line, d.Incident, link), line),
            TimelineKind.StatusUpdate => TeamsClient.CardMessage(TeamsCards.StatusUpdate(d.Entry, d.Incident, link), line),
            TimelineKind.PostmortemDrafted =>
                TeamsClient.CardMessage(TeamsCards.Postmortem(d.Entry, d.Incident, dashboard.Value.PostmortemLink(d.Incident.Number)), line),
            _ => TeamsClient.Message(line),
        };
        var serviceUrl = await ServiceUrlAsync(d.Room.Id, ct).ConfigureAwait(false);
        await teams.CallAsync(HttpMethod.Post, TeamsClient.Activities(serviceUrl, d.Room.Id), activity, TeamsOptions.ConnectorScope, ct).ConfigureAwait(false);
        return null;
    }

    private async Task<string> ServiceUrlAsync(string? conversationId, CancellationToken ct) =>
        await conversations.ServiceUrlAsync(conversationId, ct).ConfigureAwait(false)
        ?? throw new ChatDeliveryException(
            "Teams has not sent the bot any activity yet, so its Bot Connector address is unknown: add the app to the Team first.", refused: false);
}
