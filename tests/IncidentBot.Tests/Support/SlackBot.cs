using System.Net;
using System.Text.Json.Nodes;

namespace IncidentBot.Support;

/// <summary>The host with Slack switched on against a <see cref="FakeSlack"/>, retrying quickly.</summary>
public static class SlackBot
{
    public const string Announcements = "C0ANNOUNCE";

    public static Dictionary<string, string?> Settings(FakeSlack slack) => new()
    {
        ["Slack:BotToken"] = FakeSlack.Token,
        ["Slack:SigningSecret"] = SlackSigner.Secret,
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        ["Slack:AnnouncementsChannel"] = Announcements,
        ["Jobs:RetryBaseDelayMilliseconds"] = "50",
        ["Jobs:RetryMaxDelaySeconds"] = "1",
    };

    public static BotApp Start(FakeSlack slack, string? folder = null) => new(folder, Settings(slack));

    /// <summary>
    /// Runs a slash command and gives the reply its author sees: the inline answer, or, when the command took longer
    /// than the acknowledgement allows (a busy machine), the answer that follows through <c>response_url</c>.
    /// </summary>
    public static async Task<string> SlashAsync(
        HttpClient client, FakeSlack slack, string text, string channel = "C9GENERAL", string user = "U100ALICE", string name = "alice")
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(slack);
        var id = "slash-" + Guid.NewGuid().ToString("N");
        var response = await client.SendAsync(SlackSigner.Command(text, user, name, channel, slack.ResponseUrl(id).ToString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        var shown = reply["text"]!.GetValue<string>();
        if (shown != IncidentBot.Chat.ChatText.WorkingOnIt)
        {
            return shown;
        }

        await Wait.Until(() => slack.Responses(id).Count == 1, "the reply that follows the acknowledgement");
        return slack.Responses(id)[0]["text"]!.GetValue<string>();
    }
}
