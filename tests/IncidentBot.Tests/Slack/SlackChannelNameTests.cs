namespace IncidentBot.Slack;

public class SlackChannelNameTests
{
    [Theory]
    [InlineData(42, "Payments API down", 1, "inc-42-payments-api-down")]
    [InlineData(42, "Payments API down", 2, "inc-42-payments-api-down-2")]
    [InlineData(7, "Zahlungen schlagen fehl — Köln/Düsseldorf!!", 1, "inc-7-zahlungen-schlagen-fehl-koln-dusseldorf")]
    [InlineData(8, "💥💥", 1, "inc-8")]
    [InlineData(9, "snake_case stays", 1, "inc-9-snake_case-stays")]
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
}
