using System.Buffers;

namespace IncidentBot.Hosting;

/// <summary>
/// A request body read whole, up to a limit: the one reader for the API, the alert webhooks and the chat platforms.
/// The bytes sit in a pooled buffer, sized to the body announced and grown only for a body of unknown length (a
/// large buffer per request would come from the large-object heap whenever the pool runs dry under load); dispose
/// to give it back.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private byte[]? _buffer;

    private RequestBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public byte[] ToArray() => Span.ToArray();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The body; or, with <c>Body</c> null, the HTTP status that says why not: 413 when it is larger than
    /// <paramref name="maxBytes"/> (announced or sent), or the status of a body that ended early or broke off, with
    /// <c>Why</c> saying what happened.
    /// </summary>
    public static async Task<(RequestBody? Body, int Status, string? Why)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, null);
        }

        var pool = ArrayPool<byte>.Shared;
        var buffer = pool.Rent((int)Math.Min((request.ContentLength ?? 4096) + 1, maxBytes + 1L));
        var length = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    pool.Return(buffer);
                    return (null, StatusCodes.Status413PayloadTooLarge, null);
                }

                if (length == buffer.Length)
                {
                    var larger = pool.Rent((int)Math.Min(buffer.Length * 2L, maxBytes + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    pool.Return(buffer);
                    buffer = larger;
                }
            }
        }
        catch (BadHttpRequestException exception)
        {
            // The client sent less than it announced, or went away mid-body.
            pool.Return(buffer);
            return (null, exception.StatusCode, exception.Message);
        }
        catch
        {
            pool.Return(buffer);
            throw;
        }

        return (new RequestBody(buffer, length), StatusCodes.Status200OK, null);
    }
}
