using IncidentBot.Alerts;
using IncidentBot.Api;
using IncidentBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IncidentBot.Dashboard;

/// <summary>The web dashboard: <c>/</c> lists incidents, <c>/incidents/{number}</c> shows one with its live timeline.</summary>
internal static class DashboardEndpoints
{
    public static RouteGroupBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/dashboard.css", () => TypedResults.Text(DashboardAssets.Css, "text/css; charset=utf-8"));
        routes.MapGet("/dashboard.js", () => TypedResults.Text(DashboardAssets.Js, "text/javascript; charset=utf-8"));
        routes.MapPost("/login", LoginAsync);

        var pages = routes.MapGroup("/").AddEndpointFilter(async (context, next) =>
        {
            var access = context.HttpContext.RequestServices.GetRequiredService<ApiAccess>();
            return access.Allows(context.HttpContext)
                ? await next(context).ConfigureAwait(false)
                : Page(DashboardPages.Login(failed: false), StatusCodes.Status401Unauthorized);
        });
        pages.MapGet("/", ListAsync);
        pages.MapGet("/incidents/{number}", IncidentAsync);
        pages.MapGet("/jobs", JobsAsync);
        pages.MapPost("/jobs/{id:long}/retry", (long id, Jobs.JobStore store, CancellationToken ct) => AfterJobChangeAsync(store.RetryAsync(id, ct)));
        pages.MapPost("/jobs/{id:long}/drop", (long id, Jobs.JobStore store, CancellationToken ct) => AfterJobChangeAsync(store.DropAsync(id, ct)));
        return pages;
    }

    private static async Task<ContentHttpResult> ListAsync(IncidentQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        var incidents = await queries.ListAsync(openOnly: false, limit: 500, cancellationToken).ConfigureAwait(false);
        return Page(DashboardPages.List(incidents, time.GetUtcNow()));
    }

    private static async Task<ContentHttpResult> IncidentAsync(
        string number, IncidentQueries queries, CancellationToken cancellationToken)
    {
        if (!OutcomeResults.TryParseNumber(number, out var n) ||
            await queries.DetailAsync(n, withTimeline: true, cancellationToken).ConfigureAwait(false) is not { } detail)
        {
            return Page("<!DOCTYPE html><title>Not found</title><p>There is no such incident. <a href=\"/\">All incidents</a></p>", StatusCodes.Status404NotFound);
        }

        return Page(detail.Incident.IsPrivate
            ? DashboardPages.Private(detail.Incident)
            : DashboardPages.Incident(detail.Incident, detail.Timeline, detail.ActionItems, detail.Alerts));
    }

    private static async Task<ContentHttpResult> JobsAsync(Jobs.JobQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        var failing = await queries.ListAsync("failed", 0, Jobs.JobsEndpoints.PageSize, cancellationToken).ConfigureAwait(false);
        var setAside = await queries.ListAsync("set-aside", 0, Jobs.JobsEndpoints.PageSize, cancellationToken).ConfigureAwait(false);
        var pending = await queries.ListAsync("pending", 0, Jobs.JobsEndpoints.PageSize, cancellationToken).ConfigureAwait(false);
        return Page(JobsPage.Render(pending, failing, setAside, time.GetUtcNow()));
    }

    private static async Task<RedirectHttpResult> AfterJobChangeAsync(Task<bool> change)
    {
        await change.ConfigureAwait(false);
        return TypedResults.Redirect("/jobs");
    }

    private static async Task<IResult> LoginAsync(HttpRequest request, ApiAccess access)
    {
        if (!request.HasFormContentType)
        {
            return Page(DashboardPages.Login(failed: true), StatusCodes.Status400BadRequest);
        }

        var form = await request.ReadFormAsync().ConfigureAwait(false);
        if (!access.Matches(form["token"].ToString()))
        {
            return Page(DashboardPages.Login(failed: true), StatusCodes.Status401Unauthorized);
        }

        request.HttpContext.Response.Cookies.Append(ApiAccess.CookieName, form["token"].ToString(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = request.IsHttps,
            MaxAge = TimeSpan.FromDays(30),
        });
        return TypedResults.Redirect("/");
    }

    private static ContentHttpResult Page(string html, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
