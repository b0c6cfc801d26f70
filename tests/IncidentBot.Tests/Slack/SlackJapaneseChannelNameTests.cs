using IncidentBot.Support;

namespace IncidentBot.Slack;

public sealed class SlackJapaneseChannelNameTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private BotApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _app = SlackBot.Start(_slack);
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _slack.DisposeAsync();
    }

    private async Task<string> DeclareAsync(string title)
    {
        await SlackBot.SlashAsync(_client, _slack, $"declare {title} sev2", "C9GENERAL", "U100ALICE", "alice");
        await Wait.Until(() => _slack.Accepted("bookmarks.add").Count == 1, "the room to open");
        return Assert.Single(_slack.Accepted("conversations.create")).Arg("name");
    }

    [Fact]
    public async Task AJapaneseTitleKeepsItsJapaneseInTheChannelName() =>
        Assert.Equal("inc-1-決済apiで502エラーが多発", await DeclareAsync("決済APIで502エラーが多発"));

    [Fact]
    public async Task AWorkspaceRefusingJapaneseGetsTheAsciiSlug()
    {
        _slack.RefusedNames = name => name.Any(Japanese.IsJapanese);

        Assert.Equal("inc-1-api-502", await DeclareAsync("決済APIで502エラーが多発"));
        Assert.Equal(2, _slack.Calls.Count(c => c.Method == "conversations.create"));
    }

    [Fact]
    public async Task AWorkspaceRefusingEveryTitleStillGetsTheRoomUnderItsNumber()
    {
        _slack.RefusedNames = name => name != "inc-1";

        Assert.Equal("inc-1", await DeclareAsync("決済APIで502エラーが多発"));
        Assert.Equal(["inc-1-決済apiで502エラーが多発", "inc-1-api-502", "inc-1"], _slack.Calls.Where(c => c.Method == "conversations.create").Select(c => c.Arg("name")));
    }

    [Fact]
    public async Task ATakenNumberNameGetsASuffixAfterTheFallback()
    {
        _slack.RefusedNames = name => name.Length > "inc-1-2".Length;
        _slack.TakenNames["inc-1"] = true;

        Assert.Equal("inc-1-2", await DeclareAsync("すべて日本語のタイトル"));
    }
}
