using System.Text.Json;
using IncidentBot.Chat;
using IncidentBot.Commands;
using IncidentBot.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentBot.Teams;

/// <summary>
/// <c>POST /teams/messages</c>: Bot Framework activities. The bearer token is checked before anything is read or
/// stored. A command (typed after <c>@IncidentBot</c>, or carried by a card's button) runs at once, Teams is answered
/// and the reply follows through the Bot Connector. An <c>adaptiveCard/action</c> invoke gets its reply in the HTTP
/// answer itself when it is done within <see cref="TeamsOptions.InlineReplyMilliseconds"/>.
/// </summary>
internal static partial class TeamsMessagesEndpoint
{
    public const string Prefix = "@IncidentBot ";

    /// <summary>The largest activity we read; Teams' own messages are far smaller.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        TeamsAuthentication authentication,
        TeamsConversations conversations,
        CommandRunner runner,
        RoomStore rooms,
        TeamsFollowUps followUps,
        Language.BotLanguage language,
        IOptions<TeamsOptions> options,
        TimeProvider time,
        ILogger<TeamsAuthentication> logger,
        CancellationToken cancellationToken)
    {
        var (caller, refusal) = await authentication.ValidateAsync(request.Headers.Authorization.ToString(), cancellationToken).ConfigureAwait(false);
        if (caller is null)
        {
            return Unauthorized(logger, request, refusal!);
        }

        var (body, status, broken) = await RequestBody.ReadAsync(request, MaxBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return TypedResults.Problem(
                status == StatusCodes.Status413PayloadTooLarge ? "The activity is too large." : $"The activity could not be read whole: {broken}", statusCode: status);
        }

        TeamsActivity? activity;
        using (body)
        {
            if (JsonStrings.Undecodable(body.Span) is { } field)
            {
                return TypedResults.Problem($"The activity's {field} {JsonStrings.Problem}.", statusCode: StatusCodes.Status400BadRequest, title: "Bad activity");
            }

            try
            {
                activity = JsonSerializer.Deserialize<TeamsActivity>(body.Span, TeamsClient.Json);
            }
            catch (JsonException)
            {
                activity = null;
            }
        }

        if (activity is not { Type: { Length: > 0 }, ServiceUrl: { Length: > 0 }, Conversation.Id: { Length: > 0 } })
        {
            return TypedResults.Problem("The body is not a Bot Framework activity.", statusCode: StatusCodes.Status400BadRequest, title: "Bad activity");
        }

        if (!string.Equals(caller.ServiceUrl, activity.ServiceUrl, StringComparison.Ordinal))
        {
            return Unauthorized(logger, request, "the token was issued for another serviceUrl");
        }

        if (caller.Endorsements is { } endorsed && !endorsed.Contains(activity.ChannelId ?? ""))
        {
            return Unauthorized(logger, request, "the signing key does not endorse this channel");
        }

        await conversations.RememberAsync(activity, cancellationToken).ConfigureAwait(false);
        switch (activity.Type)
        {
            case "conversationUpdate" when activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true:
                followUps.Run(() => followUps.ReplyAsync(activity, TeamsReply.Welcome(language.ForLocale(activity.Locale)), CancellationToken.None));
                return TypedResults.Ok();

            case "invoke" when activity.Name == "adaptiveCard/action":
                return await InvokeAsync(activity, runner, rooms, followUps, language, options.Value, time).ConfigureAwait(false);

            case "message":
                // A message's reply always goes through the connector: Teams is answered at once.
                followUps.Run(async () => await followUps.ReplyAsync(
                    activity, await RunAsync(activity, TeamsCommandText.Of(activity) ?? "", runner, rooms, language).ConfigureAwait(false),
                    CancellationToken.None).ConfigureAwait(false));
                return TypedResults.Ok();

            default:
                return TypedResults.Ok();
        }
    }

    private static async Task<IResult> InvokeAsync(
        TeamsActivity activity, CommandRunner runner, RoomStore rooms, TeamsFollowUps followUps, Language.BotLanguage language, TeamsOptions options, TimeProvider time)
    {
        if (TeamsCommandText.Of(activity) is not { Length: > 0 } command)
        {
            return TypedResults.Json(new InvokeResponse(400, "application/vnd.microsoft.error",
                new { code = "BadRequest", message = "The card's data carries no command." }));
        }

        var (done, reply) = await followUps.WithinAsync(
            RunAsync(activity, command, runner, rooms, language), TimeSpan.FromMilliseconds(options.InlineReplyMilliseconds), time,
            later => followUps.ReplyAsync(activity, later, CancellationToken.None)).ConfigureAwait(false);
        return Message(done ? reply! : language.ForLocale(activity.Locale).WorkingOnIt);
    }

    /// <summary>Runs a command and gives the reply, in the language of the activity's locale where the bot speaks it.</summary>
    private static async Task<string> RunAsync(TeamsActivity activity, string text, CommandRunner runner, RoomStore rooms, Language.BotLanguage language)
    {
        var texts = language.ForLocale(activity.Locale);
        var incident = await rooms.IncidentOfAsync(TeamsPlatform.PlatformName, activity.Conversation!.Id!, CancellationToken.None).ConfigureAwait(false);
        if (incident is null && activity.ChannelData?.Channel?.Id is { Length: > 0 } channel)
        {
            // In a channel of its own (Graph rooms) every thread belongs to the incident.
            incident = await rooms.IncidentOfAsync(TeamsPlatform.PlatformName, channel, CancellationToken.None).ConfigureAwait(false);
        }

        var actor = TeamsUser.Name(activity.From?.Name, activity.From?.Id);
        var outcome = await runner.RunAsync(text, actor, incident, Prefix, texts, CancellationToken.None).ConfigureAwait(false);
        return TeamsReply.Text(outcome, texts);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<InvokeResponse> Message(string text) =>
        TypedResults.Json(new InvokeResponse(200, "application/vnd.microsoft.activity.message", text), TeamsClient.Outgoing);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unauthorized(ILogger logger, HttpRequest request, string why)
    {
        LogRefused(logger, request.Path, why);
        return TypedResults.Problem($"Not a verified Bot Framework request: {why}.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
    }

    /// <summary>The body of the HTTP answer to an <c>adaptiveCard/action</c> invoke.</summary>
    private sealed record InvokeResponse(int StatusCode, string Type, object Value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, PathString path, string reason);
}
