namespace IncidentBot.Api;

/// <summary>Answers 401 with problem details unless <see cref="ApiAccess"/> allows the caller.</summary>
internal sealed class ApiTokenFilter(ApiAccess access) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (access.Allows(context.HttpContext))
        {
            return await next(context).ConfigureAwait(false);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(
            detail: "Present Api:Token as 'Authorization: Bearer <token>'.",
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized");
    }
}
