using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IncidentBot.Support;

/// <summary>
/// Activities as Teams sends them, with the bearer token the Bot Framework signs: RS256 by a key of its JWKS, issuer
/// <c>https://api.botframework.com</c>, audience the bot's app id, and the <c>serviceurl</c> claim.
/// </summary>
public static class TeamsSigner
{
    public const string Alice = "29:1alice-aad-user";
    public const string Bob = "29:1bob-aad-user";

    public static string Token(
        FakeTeams teams,
        string? serviceUrl = null,
        string issuer = "https://api.botframework.com",
        string audience = FakeTeams.AppId,
        DateTime? expires = null,
        SecurityKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var until = expires ?? DateTime.UtcNow.AddMinutes(60);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = until.AddMinutes(-65),
            NotBefore = until.AddMinutes(-65),
            Expires = until,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl ?? teams.ServiceUrl), new Claim("appid", "d6d49420-f39b-4df7-a1dc-d59a935871db")]),
            SigningCredentials = new SigningCredentials(key ?? teams.SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public static HttpRequestMessage Post(JsonObject activity, string? token)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var request = new HttpRequestMessage(HttpMethod.Post, "/teams/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    /// <summary>A channel message <c>@IncidentBot {command}</c> (in the thread <paramref name="conversation"/>, if given).</summary>
    public static JsonObject ChannelMessage(FakeTeams teams, string command, string? conversation = null, string from = Alice, string name = "Alice Smith",
        string channel = FakeTeams.IncidentsChannel)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var activity = Activity(teams, "message", conversation ?? $"{channel};messageid=1700000000{Some.Number():D3}", "channel", from, name);
        activity["text"] = $"<at>IncidentBot</at> {command}";
        activity["entities"] = new JsonArray(Mention("IncidentBot", FakeTeams.BotId));
        activity["channelData"] = ChannelData(channel);
        return activity;
    }

    public static JsonObject PersonalMessage(FakeTeams teams, string text, string from = Alice, string name = "Alice Smith")
    {
        var activity = Activity(teams, "message", "a:1personal-chat-" + from, "personal", from, name);
        activity["text"] = text;
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = FakeTeams.TenantId } };
        return activity;
    }

    /// <summary>The bot added to the team: Teams' <c>conversationUpdate</c> in the team's General channel.</summary>
    public static JsonObject Installed(FakeTeams teams)
    {
        var activity = Activity(teams, "conversationUpdate", FakeTeams.IncidentsChannel, "channel", Alice, "Alice Smith");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = FakeTeams.BotId });
        var data = ChannelData(FakeTeams.IncidentsChannel);
        data["eventType"] = "teamMemberAdded";
        activity["channelData"] = data;
        return activity;
    }

    public static JsonObject Mention(string name, string id) => new()
    {
        ["type"] = "mention",
        ["text"] = $"<at>{name}</at>",
        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name },
    };

    public static JsonObject Activity(FakeTeams teams, string type, string conversation, string conversationType, string from, string name)
    {
        ArgumentNullException.ThrowIfNull(teams);
        return new JsonObject
        {
            ["type"] = type,
            ["id"] = "1700000000" + Some.Number().ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = teams.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = from, ["name"] = name, ["aadObjectId"] = Guid.NewGuid().ToString() },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = conversationType, ["tenantId"] = FakeTeams.TenantId, ["isGroup"] = conversationType != "personal" },
            ["recipient"] = new JsonObject { ["id"] = FakeTeams.BotId, ["name"] = "IncidentBot" },
            ["locale"] = "en-US",
        };
    }

    private static JsonObject ChannelData(string channel) => new()
    {
        ["teamsChannelId"] = channel,
        ["teamsTeamId"] = "19:team0a1b2c@thread.tacv2",
        ["channel"] = new JsonObject { ["id"] = channel },
        ["team"] = new JsonObject { ["id"] = "19:team0a1b2c@thread.tacv2" },
        ["tenant"] = new JsonObject { ["id"] = FakeTeams.TenantId },
    };
}
