using System.Text;
using System.Text.Json;
using IncidentBot.Chat;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

/// <summary>
/// <c>POST /slack/interactivity</c>: the declare modal's submission, the "Add to timeline" message shortcut and the
/// welcome message's buttons. Acknowledged within Slack's three seconds; results follow in the room.
/// </summary>
internal static class SlackInteractivityEndpoint
{
    public const string AddToTimelineCallback = "add_to_timeline";

    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        SlackInbound inbound,
        Jobs.JobStore jobs,
        CommandRunner runner,
        RoomStore rooms,
        SlackFollowUps followUps,
        SlackLocales locales,
        Language.BotLanguage language,
        IOptions<SlackOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (body, refusal) = await inbound.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        SlackInteraction? interaction = null;
        try
        {
            var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body!));
            if (form.TryGetValue("payload", out var payload))
            {
                if (Hosting.JsonStrings.Undecodable(payload.ToString()) is { } field)
                {
                    return TypedResults.Problem($"The payload's {field} {Hosting.JsonStrings.Problem}.", statusCode: StatusCodes.Status400BadRequest, title: "Bad interaction");
                }

                interaction = JsonSerializer.Deserialize<SlackInteraction>(payload.ToString(), SlackClient.Json);
            }
        }
        catch (JsonException)
        {
            interaction = null;
        }

        if (interaction?.User?.Id is not { Length: > 0 } userId)
        {
            return TypedResults.Problem("The interaction payload is missing or not JSON.", statusCode: StatusCodes.Status400BadRequest, title: "Bad interaction");
        }

        var actor = SlackUser.Mention(userId, interaction.User.Username ?? interaction.User.Name);
        switch (interaction)
        {
            case { Type: "view_submission", View.CallbackId: SlackBlocks.DeclareCallback }:
                return await DeclareAsync(interaction, actor, runner, followUps, options.Value, time).ConfigureAwait(false);

            case { Type: "message_action", CallbackId: AddToTimelineCallback, Channel.Id: { } channel, Message.Ts: { } ts }:
                await jobs.EnqueueAsync(SlackPins.Request(
                    $"shortcut:{channel}:{ts}:{userId}",
                    new SlackPin(channel, ts, actor, interaction.Message.User, interaction.Message.Text ?? "", interaction.ResponseUrl)),
                    cancellationToken).ConfigureAwait(false);
                return TypedResults.Ok();

            case { Type: "block_actions", Actions: [{ ActionId: { } action, Value: { } command }, ..] }
                when action.StartsWith(SlackBlocks.CommandActionPrefix, StringComparison.Ordinal):
                var room = interaction.Channel?.Id ?? interaction.Container?.ChannelId ?? "";
                followUps.Run(async () => await followUps.ReplyAsync(
                    interaction.ResponseUrl, await SlackCommandEndpoint.RunAsync(runner, rooms, command, actor, room, locales, language, userId).ConfigureAwait(false),
                    CancellationToken.None).ConfigureAwait(false));
                return TypedResults.Ok();

            default:
                return TypedResults.Ok();
        }
    }

    private static async Task<IResult> DeclareAsync(
        SlackInteraction interaction, string actor, CommandRunner runner, SlackFollowUps followUps, SlackOptions options, TimeProvider time)
    {
        var title = interaction.Input("title") is [var typed, ..] ? typed.Trim() : "";
        if (title.Length == 0 || title.Length > Incident.MaxTitleLength)
        {
            return TypedResults.Json(new
            {
                response_action = "errors",
                errors = new { title = title.Length == 0 ? "An incident needs a title." : $"At most {Incident.MaxTitleLength} characters." },
            });
        }

        var severity = interaction.Input("severity") is [var picked, ..] && SeverityText.TryParse(picked, out var chosen) ? chosen : Severity.Sev3;
        var flags = interaction.Input("flags");
        var declaration = new Declaration(title, severity, flags.Contains("private"), flags.Contains("drill"));
        // Done in time or not, the modal closes now; a declaration still on its way is followed by its room's invitation.
        await followUps.WithinAsync(
            runner.RunAsync(new DeclareCommand(declaration), actor, null, SlackCommandEndpoint.Prefix, CancellationToken.None),
            TimeSpan.FromMilliseconds(options.InlineReplyMilliseconds), time, _ => Task.CompletedTask).ConfigureAwait(false);
        return TypedResults.Ok();
    }
}
