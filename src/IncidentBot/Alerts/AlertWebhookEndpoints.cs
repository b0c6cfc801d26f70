using System.Text.Json;
using IncidentBot.Alerts.Payloads;
using IncidentBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IncidentBot.Alerts;

/// <summary>
/// <c>POST /webhooks/alerts/{source}</c>: authenticate, read, parse, then store and route every alert of the
/// delivery in one transaction, and answer 200 only once that transaction is committed.
/// </summary>
internal static partial class AlertWebhookEndpoints
{
    public static RouteHandlerBuilder MapAlertWebhooks(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/webhooks/alerts/{source}", ReceiveAsync);

    private static async Task<Results<JsonHttpResult<AlertReceiptJson>, ProblemHttpResult>> ReceiveAsync(
        string source,
        HttpRequest request,
        IOptions<AlertsOptions> options,
        AlertPolicy policy,
        DatabaseWriter writer,
        TimeProvider time,
        ILogger<AlertPolicy> logger,
        CancellationToken cancellationToken)
    {
        source = source.ToLowerInvariant();
        if (options.Value.For(source) is not { Enabled: true } settings)
        {
            return TypedResults.Problem(
                AlertPayloads.Sources.Contains(source)
                    ? $"The alert source '{source}' is off: set Alerts:{source}:Secret to turn it on."
                    : $"There is no alert source '{Shown(source)}'; use one of {string.Join(", ", AlertPayloads.Sources)}.",
                statusCode: StatusCodes.Status404NotFound, title: "Unknown alert source");
        }

        var signed = AlertAuthentication.IsSigned(source, request, settings);
        if (!signed && !AlertAuthentication.TokenMatches(request, settings.Secret))
        {
            return Unauthorized(request, logger, source, "Present Alerts:" + source + ":Secret as 'Authorization: Bearer <token>', as the basic-auth password, or as ?token=.");
        }

        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(
                $"Send the alerts as JSON with 'Content-Type: application/json' (got '{Shown(request.ContentType ?? "none")}').",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        var (body, problem) = await AlertBody.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        if (signed && AlertAuthentication.SignatureProblem(source, request, body, settings, now) is { } wrong)
        {
            return Unauthorized(request, logger, source, wrong);
        }

        ParsedAlerts parsed;
        try
        {
            parsed = AlertPayloads.Parse(source, body, name => request.Headers[name].ToString() is { Length: > 0 } v ? v : null, now);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})" : "";
            return BadPayload(logger, source, $"The body is not valid JSON{where}: {exception.Message.Split(" LineNumber:")[0]}");
        }
        catch (AlertPayloadException exception)
        {
            return BadPayload(logger, source, $"The body is not a {source} webhook: {exception.Message}");
        }

        var outcome = await writer.WriteAsync(
            (scope, ct) => AlertIntake.ReceiveAsync(
                scope.Ledger, new SqlAlertStore(scope.Connection, scope.Transaction), parsed.Alerts, policy, scope.Now, ct),
            CancellationToken.None).ConfigureAwait(false);
        LogReceived(logger, source, outcome.Received, outcome.Stored, outcome.Duplicates, outcome.Incidents.Count);
        return TypedResults.Json(AlertReceiptJson.Of(source, outcome, parsed.Note), Api.ApiJsonContext.Default.AlertReceiptJson);
    }

    private static ProblemHttpResult Unauthorized(HttpRequest request, ILogger logger, string source, string why)
    {
        LogRejected(logger, source, StatusCodes.Status401Unauthorized);
        request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(why, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
    }

    private static ProblemHttpResult BadPayload(ILogger logger, string source, string why)
    {
        LogRejected(logger, source, StatusCodes.Status400BadRequest);
        return TypedResults.Problem(why + " Nothing was stored.", statusCode: StatusCodes.Status400BadRequest, title: "Bad alert payload");
    }

    private static string Shown(string text) => Shorten.ForQuoting(text);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert webhook from {Source}: {Received} alerts, {Stored} stored, {Duplicates} redelivered, {Incidents} incidents")]
    private static partial void LogReceived(ILogger logger, string source, int received, int stored, int duplicates, int incidents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert webhook from {Source} refused with {Status}")]
    private static partial void LogRejected(ILogger logger, string source, int status);
}
