using System.Net;
using IncidentBot.Support;
using Microsoft.Extensions.Options;

namespace IncidentBot.Language;

public sealed class BotLanguageTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private BotApp SlackBotIn(string language) =>
        new(null, new Dictionary<string, string?>(SlackBot.Settings(_slack)) { ["Bot:Language"] = language });

    [Fact]
    public async Task AJapaneseBotAnswersAUsageErrorInJapaneseOverTheApi()
    {
        using var app = new BotApp(null, new Dictionary<string, string?> { ["Bot:Language"] = "ja" });
        var client = app.CreateClient();
        var number = await client.DeclareAsync("決済APIで502エラーが多発");

        var (response, body) = await client.CommandAsync(number, "sev 9");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("「9」は重大度ではありません。1〜4 で指定してください。", body!["detail"]!.GetValue<string>());
        Assert.Equal("sev <1-4>", body["usage"]!.GetValue<string>());
        Assert.Equal("コマンドの誤り", body["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task AJapaneseBotExplainsApiProblemsInJapanese()
    {
        using var app = new BotApp(null, new Dictionary<string, string?> { ["Bot:Language"] = "ja" });
        var client = app.CreateClient();

        var (unknown, missing) = await client.GetJsonAsync("/api/incidents/99");
        var (bad, invalid) = await client.PostJsonAsync("/api/incidents", new { title = "", severity = "SEV9" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("不明なインシデント", missing!["title"]!.GetValue<string>());
        Assert.Equal("「99」というインシデントはありません。", missing["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("インシデントにはタイトルが必要です。 SEV1、SEV2、SEV3、SEV4 のどれかを指定してください。", invalid!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task ASlackUserWithAJapaneseLocaleGetsJapaneseOnAnEnglishBot()
    {
        _slack.UserLocales["U200SATO"] = "ja-JP";
        using var app = SlackBotIn("en");
        var client = app.CreateClient();

        var sato = await SlackBot.SlashAsync(client, _slack, "sev", user: "U200SATO", name: "sato");
        var alice = await SlackBot.SlashAsync(client, _slack, "sev", user: "U100ALICE", name: "alice");
        var declared = await SlackBot.SlashAsync(client, _slack, "declare 決済APIで502エラーが多発 sev2", user: "U200SATO", name: "sato");

        Assert.StartsWith("⚠️ 重大度を指定してください。\n使い方: `/incident sev <1-4>`", sato, StringComparison.Ordinal);
        Assert.StartsWith("⚠️ Which severity?\nUsage: `/incident sev <1-4>`", alice, StringComparison.Ordinal);
        Assert.Equal("INC-1 を宣言しました: 決済APIで502エラーが多発（SEV2）。 チャンネルを作成しています。", declared);
        Assert.Single(_slack.Calls, c => c.Method == "users.info" && c.Arg("user") == "U200SATO");
    }

    [Fact]
    public async Task AnEnglishLocaleOnAJapaneseBotGetsEnglish()
    {
        _slack.UserLocales["U300BOB"] = "en-GB";
        using var app = SlackBotIn("ja");

        var reply = await SlackBot.SlashAsync(app.CreateClient(), _slack, "frobnicate", user: "U300BOB", name: "bob");

        Assert.StartsWith("⚠️ Unknown command 'frobnicate'. Try `help`.", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void ALanguageTheBotDoesNotSpeakStopsTheStart()
    {
        using var app = new BotApp(null, new Dictionary<string, string?> { ["Bot:Language"] = "fr" });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Bot:Language must be en or ja.", error.Message, StringComparison.Ordinal);
    }
}
