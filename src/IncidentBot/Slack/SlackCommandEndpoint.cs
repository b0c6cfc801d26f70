using System.Text;
using IncidentBot.Chat;
using IncidentBot.Commands;
using IncidentBot.Language;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

/// <summary>
/// <c>POST /slack/commands</c>: <c>/incident …</c>. Answered within Slack's three seconds whatever the database or
/// Slack's API are doing: the reply comes inline when the command is done in time, else "working on it" now and the
/// reply through <c>response_url</c> when it is done.
/// </summary>
internal static class SlackCommandEndpoint
{
    public const string Prefix = "/incident ";

    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        SlackInbound inbound,
        CommandRunner runner,
        RoomStore rooms,
        SlackClient slack,
        SlackFollowUps followUps,
        SlackLocales locales,
        BotLanguage language,
        IOptions<SlackOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (body, refusal) = await inbound.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body!));
        string Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : "";
        if (Field("ssl_check") == "1")
        {
            return TypedResults.Ok();
        }

        var text = Field("text").Trim();
        var channel = Field("channel_id");
        var responseUrl = Field("response_url");
        if (text.Length == 0)
        {
            var trigger = Field("trigger_id");
            followUps.Run(() => slack.CallAsync("views.open", new { TriggerId = trigger, View = SlackBlocks.DeclareModal(channel) }, CancellationToken.None));
            return TypedResults.Ok();
        }

        var actor = SlackUser.Mention(Field("user_id"), Field("user_name"));
        var (done, reply) = await followUps.WithinAsync(
            RunAsync(runner, rooms, text, actor, channel, locales, language, Field("user_id")), TimeSpan.FromMilliseconds(options.Value.InlineReplyMilliseconds), time,
            later => followUps.ReplyAsync(responseUrl, later, CancellationToken.None)).ConfigureAwait(false);
        return Reply(done ? reply! : ChatText.WorkingOnIt);
    }

    /// <summary>Runs a command typed (or clicked) in a Slack channel and gives the reply to show, in the person's language.</summary>
    public static async Task<string> RunAsync(
        CommandRunner runner, RoomStore rooms, string text, string actor, string channel, SlackLocales locales, BotLanguage language, string userId)
    {
        var texts = language.ForLocale(await locales.OfAsync(userId, CancellationToken.None).ConfigureAwait(false));
        var incident = await rooms.IncidentOfAsync(SlackPlatform.PlatformName, channel, CancellationToken.None).ConfigureAwait(false);
        var outcome = await runner.RunAsync(text, actor, incident, Prefix, texts, CancellationToken.None).ConfigureAwait(false);
        return ChatText.Reply(outcome, Prefix, "channel", texts);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<SlackReply> Reply(string text) =>
        TypedResults.Json(new SlackReply("ephemeral", SlackText.Safe(text)), SlackClient.Outgoing);
}
