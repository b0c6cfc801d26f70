namespace IncidentBot.Support;

/// <summary>The host with Slack switched on against a <see cref="FakeSlack"/>, retrying quickly.</summary>
public static class SlackBot
{
    public const string Announcements = "C0ANNOUNCE";

    public static Dictionary<string, string?> Settings(FakeSlack slack) => new()
    {
        ["Slack:BotToken"] = FakeSlack.Token,
        ["Slack:SigningSecret"] = SlackSigner.Secret,
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        ["Slack:AnnouncementsChannel"] = Announcements,
        ["Chat:RetryBaseDelayMilliseconds"] = "50",
        ["Chat:RetryMaxDelaySeconds"] = "1",
    };

    public static BotApp Start(FakeSlack slack, string? folder = null) => new(folder, Settings(slack));
}
