using IncidentBot.Postmortems;

namespace IncidentBot.Hosting;

/// <summary>
/// Headers every response carries, so that a page of the bot's origin (the dashboard, a postmortem) cannot run a
/// script it did not ship, be framed by another site, be read as another content type, or leak its address.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Scripts and styles only from the bot's own files, plus the postmortem page's one inline stylesheet by its hash;
    /// no plug-ins, no framing, forms only to the bot itself. Images may come from the web (postmortems may show them).
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' https:; " +
        $"style-src 'self' '{PostmortemHtml.StyleHash}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
}
