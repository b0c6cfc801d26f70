using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IncidentBot.Storage;

/// <summary>
/// A request that failed because storage is unavailable is answered 503 with a problem that says why in plain words
/// and a <c>Retry-After</c>: alert senders and clients that retry a 503 send it again once the fault is gone. Anything
/// else is left to the default handler (a 500).
/// </summary>
internal sealed partial class StorageUnavailableHandler(
    IProblemDetailsService problems, IOptions<StorageOptions> options, ILogger<StorageUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (StorageFault.Of(exception) is not { } fault)
        {
            return false;
        }

        LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path.Value ?? "", fault.Cause);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage unavailable",
                Detail = $"{fault.Cause} The request could not be stored; send it again in a moment.",
            },
        }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: {Cause}")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string cause);
}
