namespace IncidentBot.Slack;

public class SlackChannelNameTests
{
    [Theory]
    [InlineData(42, "Payments API down", 1, "inc-42-payments-api-down")]
    [InlineData(42, "Payments API down", 2, "inc-42-payments-api-down-2")]
    [InlineData(7, "Zahlungen schlagen fehl — Köln/Düsseldorf!!", 1, "inc-7-zahlungen-schlagen-fehl-koln-dusseldorf")]
    [InlineData(8, "💥💥", 1, "inc-8")]
    [InlineData(9, "snake_case stays", 1, "inc-9-snake_case-stays")]
    [InlineData(1, "決済APIで502エラーが多発", 1, "inc-1-決済apiで502エラーが多発")]
    [InlineData(2, "ＤＢ接続が繋がらない。 ﾛｸﾞｲﾝ不可", 1, "inc-2-db接続が繋がらない-ログイン不可")]
    [InlineData(3, "「決済」の障害・再発", 2, "inc-3-決済-の障害-再発-2")]
    public void NamesFollowSlacksRules(int number, string title, int attempt, string expected) =>
        Assert.Equal(expected, SlackChannelName.For(number, title, attempt));

    [Fact]
    public void LongTitlesAreCutToEightyCharactersWithRoomForTheSuffix()
    {
        var name = SlackChannelName.For(12345, new string('a', 200) + " tail", 17);

        Assert.Equal(80, name.Length);
        Assert.EndsWith("-17", name, StringComparison.Ordinal);
        Assert.Matches("^[a-z0-9_-]{1,80}$", name);
    }

    [Theory]
    [InlineData("決済APIで502エラーが多発", "Ascii", "inc-1-api-502")]
    [InlineData("決済APIで502エラーが多発", "Number", "inc-1")]
    [InlineData("すべて日本語", "Ascii", "inc-1")]
    public void PlainerStylesDropTheJapanese(string title, string style, string expected) =>
        Assert.Equal(expected, SlackChannelName.For(1, title, 1, Enum.Parse<ChannelNameStyle>(style)));

    [Fact]
    public void APlainerStyleIsOnlyOfferedWhenItGivesAnotherName()
    {
        Assert.Equal(ChannelNameStyle.Ascii, SlackChannelName.Plainer(1, "決済APIで502エラー", ChannelNameStyle.Japanese));
        Assert.Equal(ChannelNameStyle.Ascii, SlackChannelName.Plainer(1, "すべて日本語", ChannelNameStyle.Japanese));
        Assert.Null(SlackChannelName.Plainer(1, "すべて日本語", ChannelNameStyle.Ascii));
        Assert.Equal(ChannelNameStyle.Number, SlackChannelName.Plainer(1, "Payments API down", ChannelNameStyle.Japanese));
        Assert.Null(SlackChannelName.Plainer(1, "決済APIで502エラー", ChannelNameStyle.Number));
    }

    [Fact]
    public void LongJapaneseTitlesAreCutToEightyCharacters()
    {
        var name = SlackChannelName.For(3, string.Concat(Enumerable.Repeat("決済APIで502エラーが多発", 10)), 12);

        Assert.Equal(80, name.Length);
        Assert.EndsWith("-12", name, StringComparison.Ordinal);
    }
}
