using System.Text.Json;

namespace IncidentBot.Slack;

/// <summary>
/// <c>POST /slack/events</c>: the Events API. Answers <c>url_verification</c>; a 📌 (<c>pushpin</c>) reaction on a
/// message is stored, then acknowledged, and put on the timeline afterwards; with <c>Slack:NudgeLatecomers</c>, so is
/// someone's joining an incident channel, to offer them a catch-up. Redeliveries share the event id and are
/// stored once.
/// </summary>
internal static class SlackEventsEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request, SlackInbound inbound, Jobs.JobStore jobs, Microsoft.Extensions.Options.IOptions<SlackOptions> options, CancellationToken cancellationToken)
    {
        var (body, refusal) = await inbound.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (Hosting.JsonStrings.Undecodable(body!) is { } field)
        {
            return TypedResults.Problem($"The event's {field} {Hosting.JsonStrings.Problem}.", statusCode: StatusCodes.Status400BadRequest, title: "Bad event");
        }

        SlackEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<SlackEnvelope>(body, SlackClient.Json);
        }
        catch (JsonException)
        {
            return TypedResults.Problem("The event is not JSON.", statusCode: StatusCodes.Status400BadRequest, title: "Bad event");
        }

        switch (envelope)
        {
            case { Type: "url_verification", Challenge: { } challenge }:
                return TypedResults.Json(new { challenge });
            case { Type: "event_callback", EventId: { Length: > 0 } id, Event: { Type: "reaction_added", Reaction: "pushpin" } reaction }
                when reaction.Item is { Type: "message", Channel: { } channel, Ts: { } ts }:
                await jobs.EnqueueAsync(SlackPins.Request(id, new SlackPin(channel, ts, SlackUser.Mention(reaction.User ?? "", null), null, null, null)), cancellationToken)
                    .ConfigureAwait(false);
                return TypedResults.Ok();
            case { Type: "event_callback", EventId: { Length: > 0 } id, Event: { Type: "member_joined_channel", User: { } user, Channel: { } channel } }
                when options.Value.NudgeLatecomers:
                await jobs.EnqueueAsync(SlackNudges.Request(id, new SlackJoin(channel, user)), cancellationToken).ConfigureAwait(false);
                return TypedResults.Ok();
            default:
                return TypedResults.Ok();
        }
    }

    private sealed record SlackEnvelope(string? Type, string? Challenge, string? EventId, SlackEvent? Event);

    private sealed record SlackEvent(string? Type, string? User, string? Reaction, SlackItem? Item, string? Channel);

    private sealed record SlackItem(string? Type, string? Channel, string? Ts);
}
