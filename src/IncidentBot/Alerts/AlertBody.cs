using Microsoft.AspNetCore.Http.HttpResults;

namespace IncidentBot.Alerts;

/// <summary>Reads a webhook body as raw bytes (signatures are over the exact bytes), up to a limit.</summary>
internal static class AlertBody
{
    public static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 16 * 1024);
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (null, TooLarge(maxBytes));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception)
        {
            return (null, TypedResults.Problem(
                $"The body could not be read whole: {exception.Message}", statusCode: StatusCodes.Status400BadRequest, title: "Bad body"));
        }

        if (buffer.Length == 0)
        {
            return (null, TypedResults.Problem("The body is empty; send the alert as JSON.", statusCode: StatusCodes.Status400BadRequest, title: "Bad JSON"));
        }

        return (buffer.ToArray(), null);
    }

    private static ProblemHttpResult TooLarge(int maxBytes) => TypedResults.Problem(
        $"The body is larger than {maxBytes} bytes (Alerts:MaxBodyBytes); nothing was stored.",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large");
}
