using System.Text;

namespace IncidentBot.Slack;

public class SlackSignatureTests
{
    // Slack's own example from "Verifying requests from Slack".
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly DateTimeOffset Then = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void SlacksOwnExamplePasses() => Assert.Null(SlackSignature.Check(Secret, Timestamp, Signature, Encoding.UTF8.GetBytes(Body), Then));

    [Fact]
    public void SigningSlacksExampleGivesSlacksSignature() => Assert.Equal(Signature, SlackSignature.Sign(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void AnotherTimestampDoesNotMatch() =>
        Assert.Equal("the signature does not match", SlackSignature.Check(Secret, "1531420619", Signature, Encoding.UTF8.GetBytes(Body), Then));

    [Fact]
    public void AChangedBodyDoesNotMatch() =>
        Assert.NotNull(SlackSignature.Check(Secret, Timestamp, Signature, Encoding.UTF8.GetBytes(Body.Replace("roadrunner", "coyote", StringComparison.Ordinal)), Then));

    [Fact]
    public void AnotherSecretDoesNotMatch() =>
        Assert.NotNull(SlackSignature.Check("another-secret", Timestamp, Signature, Encoding.UTF8.GetBytes(Body), Then));

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(86_400)]
    public void TimestampsMoreThanFiveMinutesAwayAreRefused(int secondsLater) =>
        Assert.Contains("five minutes", SlackSignature.Check(Secret, Timestamp, Signature, Encoding.UTF8.GetBytes(Body), Then.AddSeconds(secondsLater)), StringComparison.Ordinal);

    [Fact]
    public void TimestampsWithinFiveMinutesAreAccepted() =>
        Assert.Null(SlackSignature.Check(Secret, Timestamp, Signature, Encoding.UTF8.GetBytes(Body), Then.AddSeconds(299)));

    [Theory]
    [InlineData(null, Signature)]
    [InlineData(Timestamp, null)]
    [InlineData("", "")]
    [InlineData("soon", Signature)]
    [InlineData("-1531420618", Signature)]
    [InlineData("99999999999999999999", Signature)]
    [InlineData(Timestamp, "v0=zz")]
    [InlineData(Timestamp, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void MissingOrMalformedHeadersAreRefused(string? timestamp, string? signature) =>
        Assert.NotNull(SlackSignature.Check(Secret, timestamp, signature, Encoding.UTF8.GetBytes(Body), Then));
}
