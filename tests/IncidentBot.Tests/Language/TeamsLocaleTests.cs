using IncidentBot.Support;

namespace IncidentBot.Language;

public sealed class TeamsLocaleTests : IAsyncLifetime
{
    private FakeTeams _teams = null!;
    private TeamsBot _bot = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeams.StartAsync();
        _bot = TeamsBot.Start(_teams);
    }

    public async Task DisposeAsync()
    {
        _bot.App.Dispose();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task AnActivityInAJapaneseLocaleIsAnsweredInJapaneseOnAnEnglishBot()
    {
        var japanese = TeamsSigner.ChannelMessage(_teams, "sev");
        japanese["locale"] = "ja-JP";
        var english = TeamsSigner.ChannelMessage(_teams, "sev");

        var inJapanese = await _bot.AskAsync(japanese);
        var inEnglish = await _bot.AskAsync(english);

        Assert.StartsWith("⚠️ 重大度を指定してください。", inJapanese, StringComparison.Ordinal);
        Assert.Contains("使い方: `@IncidentBot sev <1-4>`", inJapanese, StringComparison.Ordinal);
        Assert.StartsWith("⚠️ Which severity?", inEnglish, StringComparison.Ordinal);
        Assert.Contains("Usage: `@IncidentBot sev <1-4>`", inEnglish, StringComparison.Ordinal);
    }
}
