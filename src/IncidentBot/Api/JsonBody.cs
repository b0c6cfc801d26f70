using System.Text.Json;
using IncidentBot.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IncidentBot.Api;

/// <summary>Reads a JSON request body, turning every way it can be wrong into a problem-details answer.</summary>
internal static class JsonBody
{
    /// <summary>The largest JSON body the API reads.</summary>
    public const int MaxBytes = 64 * 1024;

    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(
                "Send the body as JSON with 'Content-Type: application/json'.", statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type"));
        }

        var (body, status, why) = await RequestBody.ReadAsync(request, MaxBytes, cancellationToken).ConfigureAwait(false);
        using (body)
        {
            return body is not null ? Deserialize<T>(request, body.Span)
                : status == StatusCodes.Status413PayloadTooLarge ? (null, TooLarge())
                : (null, TypedResults.Problem(why, statusCode: status, title: "Bad request body"));
        }
    }

    private static (T? Value, ProblemHttpResult? Problem) Deserialize<T>(HttpRequest request, ReadOnlySpan<byte> body)
        where T : class
    {
        if (JsonStrings.Undecodable(body) is { } field)
        {
            return (null, TypedResults.Problem(
                $"The body's {field} {JsonStrings.Problem}.", statusCode: StatusCodes.Status400BadRequest, title: "Bad JSON"));
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = body.IsEmpty ? null : JsonSerializer.Deserialize<T>(body, options);
            return value is null
                ? (null, TypedResults.Problem("The body must be a JSON object.", statusCode: StatusCodes.Status400BadRequest, title: "Bad JSON"))
                : (value, null);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})" : "";
            return (null, TypedResults.Problem(
                $"The body is not valid JSON for this request{where}: {exception.Message.Split(" Path:")[0]}",
                statusCode: StatusCodes.Status400BadRequest, title: "Bad JSON"));
        }
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        $"The body is larger than {MaxBytes / 1024} KiB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large");
}
