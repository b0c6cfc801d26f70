using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Support;
using IncidentBot.Teams;
using static IncidentBot.Support.FakeOpenAi;

namespace IncidentBot.Chat;

/// <summary>
/// A command that outlasts the platform's acknowledgement (here a summary whose model is held) is answered "working on
/// it" at once, and its reply follows when it is done: on Slack through <c>response_url</c>, on Teams through the
/// connector.
/// </summary>
public sealed class SlowCommandTests : IAsyncLifetime
{
    private readonly TaskCompletionSource _model = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeOpenAi _llm = null!;

    public async Task InitializeAsync() =>
        _llm = await StartAsync(async (_, _) =>
        {
            await _model.Task;
            return Reply.Completion("What is broken\n• checkout (from the model)");
        });

    public async Task DisposeAsync()
    {
        _model.TrySetResult();
        await _llm.DisposeAsync();
    }

    private Dictionary<string, string?> Llm() => new()
    {
        ["Llm:Provider"] = "openai",
        ["Llm:Endpoint"] = _llm.BaseAddress.ToString(),
        ["Llm:ApiKey"] = "sk-test-not-a-real-key-0000000000",
        ["Llm:Model"] = "gpt-test",
        ["Llm:TimeoutSeconds"] = "60",
    };

    [Fact]
    public async Task OnSlackTheSlashCommandIsAnsweredWorkingOnItAndItsReplyFollowsThroughResponseUrl()
    {
        await using var slack = await FakeSlack.StartAsync();
        var settings = SlackBot.Settings(slack);
        foreach (var (key, value) in Llm())
        {
            settings[key] = value;
        }

        settings["Slack:InlineReplyMilliseconds"] = "100";
        using var app = new BotApp(settings: settings);
        var client = app.CreateClient();
        Assert.StartsWith("Declared INC-1", await SlackBot.SlashAsync(client, slack, "declare Checkout errors sev2"), StringComparison.Ordinal);
        await Wait.Until(() => slack.Accepted("pins.add").Count == 1, "the room to open");
        var room = slack.Accepted("bookmarks.add")[0].Arg("channel_id");

        var response = await client.SendAsync(SlackSigner.Command("summary", channel: room, responseUrl: slack.ResponseUrl("slow").ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ChatText.WorkingOnIt, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]!.GetValue<string>());
        Assert.Empty(slack.Responses("slow"));
        _model.SetResult();
        await Wait.Until(() => slack.Responses("slow").Count == 1, "the summary through response_url");
        Assert.Contains("• checkout (from the model)", slack.Responses("slow")[0]["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnTeamsACardsCommandIsAnsweredWorkingOnItAndItsReplyFollowsThroughTheConnector()
    {
        await using var teams = await FakeTeams.StartAsync();
        var more = Llm();
        more["Teams:InlineReplyMilliseconds"] = "100";
        var bot = TeamsBot.Start(teams, more: more);
        using var app = bot.App;
        await bot.SendAsync(TeamsSigner.Installed(teams));
        var room = await bot.DeclareAsync("declare Checkout errors sev2");
        var invoke = TeamsSigner.Activity(teams, "invoke", room, "channel", TeamsSigner.Alice, "Alice Smith");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = TeamsCards.Verb, ["data"] = new JsonObject { ["command"] = "summary" } },
            ["trigger"] = "manual",
        };
        var id = invoke["id"]!.GetValue<string>();

        var response = await bot.SendAsync(invoke);

        Assert.Equal(ChatText.WorkingOnIt, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!.GetValue<string>());
        Assert.DoesNotContain(teams.Accepted("activities"), c => c.ReplyToId == id);
        _model.SetResult();
        await Wait.Until(() => teams.Accepted("activities").Any(c => c.ReplyToId == id), "the summary through the connector");
        Assert.Contains("• checkout (from the model)", teams.Accepted("activities").Single(c => c.ReplyToId == id).Body!["text"]!.GetValue<string>(),
            StringComparison.Ordinal);
    }
}
