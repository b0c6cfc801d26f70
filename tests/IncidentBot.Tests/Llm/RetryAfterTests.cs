namespace IncidentBot.Llm;

public class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 13, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("7", 7_000)]
    [InlineData("0", 0)]
    [InlineData("1.5", 1_500)]
    [InlineData("Tue, 04 Mar 2025 13:00:20 GMT", 20_000)]
    [InlineData("Tue, 04 Mar 2025 12:59:00 GMT", 0)]
    public void SecondsOrADateAreAWait(string value, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), RetryAfter.Parse(value, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-3")]
    [InlineData("soon")]
    public void AnythingElseIsNoWait(string? value) => Assert.Null(RetryAfter.Parse(value, Now));
}
