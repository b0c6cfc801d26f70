namespace IncidentBot.Summaries;

public class ModelOutputTests
{
    [Theory]
    [InlineData("<!channel> everything is fine", "channel everything is fine")]
    [InlineData("ping <!here|here> and <!subteam^S0123ABC|oncall>", "ping here and subteam^S0123ABC")]
    [InlineData("@here @everyone @channel look", "here everyone channel look")]
    [InlineData("mail ops@heretic.example.com", "mail ops@heretic.example.com")]
    public void BroadcastMentionsAreDefused(string text, string cleaned) => Assert.Equal(cleaned, ModelOutput.Clean(text));

    [Fact]
    public void SecretsAreRedactedAndLengthIsCapped()
    {
        var cleaned = ModelOutput.Clean("  use xoxb-1234567890-0987654321-AbCdEfGh\r\n" + new string('a', 10_000));

        Assert.StartsWith("use [redacted:slack-token]\naaa", cleaned, StringComparison.Ordinal);
        Assert.Equal(ModelOutput.MaxLength, cleaned.Length);
    }
}
