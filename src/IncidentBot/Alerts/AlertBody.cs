using IncidentBot.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IncidentBot.Alerts;

/// <summary>Reads a webhook body as raw bytes (signatures are over the exact bytes), up to a limit.</summary>
internal static class AlertBody
{
    public static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var (read, status, why) = await RequestBody.ReadAsync(request, maxBytes, cancellationToken).ConfigureAwait(false);
        using (read)
        {
            if (read is null)
            {
                return (null, status == StatusCodes.Status413PayloadTooLarge ? TooLarge(maxBytes) : TypedResults.Problem(
                    $"The body could not be read whole: {why}", statusCode: StatusCodes.Status400BadRequest, title: "Bad body"));
            }

            if (read.Length == 0)
            {
                return (null, TypedResults.Problem("The body is empty; send the alert as JSON.", statusCode: StatusCodes.Status400BadRequest, title: "Bad JSON"));
            }

            return (read.ToArray(), null);
        }
    }

    private static ProblemHttpResult TooLarge(int maxBytes) => TypedResults.Problem(
        $"The body is larger than {maxBytes} bytes (Alerts:MaxBodyBytes); nothing was stored.",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large");
}
