using System.Globalization;
using IncidentBot.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

/// <summary>Reads a Slack request's raw body and checks its signature before anything is parsed.</summary>
internal sealed partial class SlackInbound(IOptions<SlackOptions> options, SlackReplays replays, TimeProvider time, ILogger<SlackInbound> logger)
{
    /// <summary>The largest body Slack sends us (a modal submission is the biggest).</summary>
    public const int MaxBytes = 1024 * 1024;

    public async Task<(byte[]? Body, IResult? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (read, status, broken) = await RequestBody.ReadAsync(request, MaxBytes, cancellationToken).ConfigureAwait(false);
        if (read is null)
        {
            return (null, TypedResults.Problem(
                status == StatusCodes.Status413PayloadTooLarge ? "The body is too large." : $"The body could not be read whole: {broken}", statusCode: status));
        }

        byte[] body;
        using (read)
        {
            body = read.ToArray();
        }

        var timestamp = request.Headers["X-Slack-Request-Timestamp"].ToString();
        var signature = request.Headers["X-Slack-Signature"].ToString();
        var why = SlackSignature.Check(options.Value.SigningSecret, timestamp, signature, body, time.GetUtcNow());
        if (why is null && !await replays.FirstTimeAsync(long.Parse(timestamp, CultureInfo.InvariantCulture), signature, cancellationToken).ConfigureAwait(false))
        {
            why = "the same signed request was received before (a replay)";
        }

        if (why is not null)
        {
            LogRefused(logger, request.Path, why);
            return (null, Unauthorized(why));
        }

        return (body, null);
    }

    private static ProblemHttpResult Unauthorized(string why) =>
        TypedResults.Problem($"Not a verified Slack request: {why}.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, PathString path, string reason);
}
