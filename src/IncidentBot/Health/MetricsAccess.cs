using IncidentBot.Api;
using Microsoft.Extensions.Options;

namespace IncidentBot.Health;

/// <summary>Guards <c>/metrics</c> with <c>Api:Token</c> when <see cref="MetricsOptions.RequireToken"/> says so (by default beyond loopback).</summary>
internal static class MetricsAccess
{
    public const string Path = "/metrics";

    public static IApplicationBuilder UseMetricsAccess(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<MetricsOptions>>().Value;
        var access = app.ApplicationServices.GetRequiredService<ApiAccess>();
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase) &&
                (options.RequireToken ?? access.ListensBeyondLoopbackNow) && !access.Presents(context))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await TypedResults.Problem(
                    "Present Api:Token as 'Authorization: Bearer <token>' (Prometheus: authorization.credentials), or set Metrics:RequireToken to false.",
                    statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
    }
}
