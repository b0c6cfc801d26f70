namespace IncidentBot.Chat;

public sealed class JsonObjectsTests
{
    [Theory]
    [InlineData("""{"error":"invalid_client","error_description":"AADSTS7000215"}""", "invalid_client")]
    [InlineData("""{"error":{"code":"invalid_client"}}""", "")]
    [InlineData("""{"error":42}""", "")]
    [InlineData("""["error"]""", "")]
    [InlineData("<html>Bad Gateway</html>", "")]
    [InlineData("", "")]
    public void AnErrorBodysTextIsReadWhateverShapeItHas(string body, string expected) =>
        Assert.Equal(expected, JsonObjects.TextAt(body, "error"));

    [Theory]
    [InlineData("""{"error":{"code":"ConversationBlockedByUser","message":"blocked"}}""", "ConversationBlockedByUser")]
    [InlineData("""{"error":{"code":403}}""", "")]
    [InlineData("""{"error":"Forbidden"}""", "")]
    [InlineData("""{}""", "")]
    public void ANestedErrorCodeIsReadWhateverShapeItHas(string body, string expected) =>
        Assert.Equal(expected, JsonObjects.TextAt(body, "error", "code"));
}
