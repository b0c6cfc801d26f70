using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Support;

/// <summary>The host with Teams switched on against a <see cref="FakeTeams"/>, and a person talking to it.</summary>
public sealed class TeamsBot(FakeTeams teams, BotApp app)
{
    public HttpClient Client { get; } = app.CreateClient();

    public static TeamsBot Start(FakeTeams teams, bool graphRooms = false, IDictionary<string, string?>? more = null)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var settings = teams.Settings(graphRooms);
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new TeamsBot(teams, new BotApp(settings: settings));
    }

    public BotApp App => app;

    /// <summary>Sends a signed activity; expects Teams to be acknowledged with 200.</summary>
    public async Task<HttpResponseMessage> SendAsync(JsonObject activity)
    {
        var response = await Client.SendAsync(TeamsSigner.Post(activity, TeamsSigner.Token(teams)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>Sends a signed activity and waits for the bot's reply to it through the connector.</summary>
    public async Task<string> AskAsync(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await SendAsync(activity);
        var id = activity["id"]!.GetValue<string>();
        var conversation = activity["conversation"]!["id"]!.GetValue<string>();
        await Wait.Until(() => teams.Accepted("activities").Any(c => c.ReplyToId == id), "the reply to " + id);
        var reply = teams.Accepted("activities").Single(c => c.ReplyToId == id);
        Assert.Equal(conversation, reply.ConversationId);
        return reply.Body!["text"]!.GetValue<string>();
    }

    /// <summary>
    /// Declares from the incidents channel and waits for the room's welcome card; returns the conversation the room is
    /// (the thread in the incidents channel, or the new channel).
    /// </summary>
    public async Task<string> DeclareAsync(string text = "declare Payments API down sev1")
    {
        var before = teams.Accepted("conversations").Count;
        Assert.Contains("Declared INC-", await AskAsync(TeamsSigner.ChannelMessage(teams, text)), StringComparison.Ordinal);
        await Wait.Until(() => teams.Accepted("conversations").Count > before, "the room's welcome card");
        var welcome = teams.Accepted("conversations")[before];
        var channel = welcome.Body!["channelData"]!["channel"]!["id"]!.GetValue<string>();
        var room = channel == FakeTeams.IncidentsChannel ? welcome.Created! : channel;

        // Teams has the room once it answered; the bot knows it once it has stored it, a moment later.
        var rooms = app.Services.GetRequiredService<IncidentBot.Chat.RoomStore>();
        await Wait.Until(async () => await rooms.IncidentOfAsync(IncidentBot.Teams.TeamsPlatform.PlatformName, room, default) is not null, "the room to be stored");
        return room;
    }
}
