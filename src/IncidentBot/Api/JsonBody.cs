using System.Text.Json;
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

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        // Sized to the body announced (commands are a few dozen bytes), growing only for a body of unknown length: a
        // 64 KiB buffer per request would come from the large-object heap whenever the pool runs dry under load.
        var pool = System.Buffers.ArrayPool<byte>.Shared;
        var buffer = pool.Rent((int)Math.Min((request.ContentLength ?? 4096) + 1, MaxBytes + 1));
        try
        {
            var length = 0;
            int read;
            try
            {
                while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > MaxBytes)
                    {
                        return (null, TooLarge());
                    }

                    if (length == buffer.Length)
                    {
                        var larger = pool.Rent(Math.Min(buffer.Length * 2, MaxBytes + 1));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        pool.Return(buffer);
                        buffer = larger;
                    }
                }
            }
            catch (BadHttpRequestException exception)
            {
                // The client sent less than it announced, or went away mid-body.
                return (null, TypedResults.Problem(exception.Message, statusCode: exception.StatusCode, title: "Bad request body"));
            }

            return Deserialize<T>(request, buffer.AsSpan(0, length));
        }
        finally
        {
            pool.Return(buffer);
        }
    }

    private static (T? Value, ProblemHttpResult? Problem) Deserialize<T>(HttpRequest request, ReadOnlySpan<byte> body)
        where T : class
    {

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
