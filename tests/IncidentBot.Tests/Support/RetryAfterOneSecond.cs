using Microsoft.AspNetCore.Http;

namespace IncidentBot.Support;

/// <summary>A fake platform's rate limit: HTTP 429 with <c>Retry-After: 1</c>.</summary>
public sealed class RetryAfterOneSecond : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = 429;
        httpContext.Response.Headers.RetryAfter = "1";
        return Task.CompletedTask;
    }
}
