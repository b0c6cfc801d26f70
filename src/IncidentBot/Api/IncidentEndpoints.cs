using IncidentBot.Alerts;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Language;
using IncidentBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IncidentBot.Api;

/// <summary>The JSON API under <c>/api/incidents</c>.</summary>
internal static class IncidentEndpoints
{
    private const string ApiActor = "api";

    public static RouteGroupBuilder MapIncidentApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/incidents").AddEndpointFilter<ApiTokenFilter>();
        api.MapGet("/", ListAsync);
        api.MapPost("/", DeclareAsync);
        api.MapGet("/{number}", GetAsync);
        api.MapPost("/{number}/commands", RunCommandAsync);
        api.MapGet("/{number}/timeline", TimelineAsync);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<IncidentJson>>, ProblemHttpResult>> ListAsync(
        IncidentQueries queries, string? status, int? limit, CancellationToken cancellationToken)
    {
        IncidentStatus? only = null;
        if (status is { Length: > 0 } && !status.Equals("open", StringComparison.OrdinalIgnoreCase))
        {
            if (!IncidentStatusText.TryParse(status, out var parsed))
            {
                return TypedResults.Problem(
                    $"'{status}' is not a status: use open, investigating, identified, monitoring or resolved.",
                    statusCode: StatusCodes.Status400BadRequest, title: "Bad query");
            }

            only = parsed;
        }

        var take = Math.Clamp(limit ?? 100, 1, 1000);
        var incidents = only is { } one
            ? await queries.ListInStatusAsync(one, take, cancellationToken).ConfigureAwait(false)
            : await queries.ListAsync(openOnly: status is { Length: > 0 }, take, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<IncidentJson> shown = incidents.Select(IncidentJson.Of).ToList();
        return TypedResults.Ok(shown);
    }

    private static async Task<Results<Ok<IncidentDetailJson>, ProblemHttpResult>> GetAsync(
        string number, IncidentQueries queries, BotLanguage language, CancellationToken cancellationToken)
    {
        if (!OutcomeResults.TryParseNumber(number, out var n) ||
            await queries.DetailAsync(n, withTimeline: false, cancellationToken).ConfigureAwait(false) is not { } detail)
        {
            return OutcomeResults.UnknownIncident(number, language.Default);
        }

        return TypedResults.Ok(new IncidentDetailJson(
            IncidentJson.Of(detail.Incident), detail.ActionItems.Select(ActionItemJson.Of).ToList(),
            detail.Alerts.Alerts.Select(AlertJson.Of).ToList(), detail.Alerts.Total));
    }

    private static async Task<Results<Created<IncidentJson>, ProblemHttpResult>> DeclareAsync(
        HttpRequest request, CommandRunner runner, BotLanguage language, CancellationToken cancellationToken)
    {
        var texts = language.Default;
        var (body, problem) = await JsonBody.ReadAsync<DeclareRequest>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        var title = body!.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors["title"] = [texts.NeedsTitle];
        }
        else if (title.Length > Incident.MaxTitleLength)
        {
            errors["title"] = [texts.TitleTooLong(title.Length, Incident.MaxTitleLength)];
        }

        if (TooLong(body.User) is { } userError)
        {
            errors["user"] = [userError];
        }

        var severity = Severity.Sev3;
        if (body.Severity is { } given && given.ValueKind != System.Text.Json.JsonValueKind.Null &&
            !SeverityText.TryParse(given.ValueKind == System.Text.Json.JsonValueKind.Number ? given.GetRawText() : given.ToString(), out severity))
        {
            errors["severity"] = [texts.UseASeverity];
        }

        if (errors.Count > 0)
        {
            return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Detail = string.Join(' ', errors.Values.SelectMany(v => v)),
            });
        }

        var declaration = new Declaration(title, severity, body.Private ?? false, body.Drill ?? false);
        var outcome = await runner.RunAsync(new DeclareCommand(declaration), Actor(body.User), null, "", cancellationToken).ConfigureAwait(false);
        if (!outcome.Ok || outcome.Incident is null)
        {
            return OutcomeResults.Problem(outcome, texts);
        }

        return TypedResults.Created($"/api/incidents/{outcome.Incident.Number}", IncidentJson.Of(outcome.Incident));
    }

    private static async Task<Results<JsonHttpResult<CommandResultJson>, ProblemHttpResult>> RunCommandAsync(
        string number, HttpRequest request, CommandRunner runner, BotLanguage language, CancellationToken cancellationToken)
    {
        var texts = language.Default;
        if (!OutcomeResults.TryParseNumber(number, out var n))
        {
            return OutcomeResults.UnknownIncident(number, texts);
        }

        var (body, problem) = await JsonBody.ReadAsync<CommandRequest>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.Text))
        {
            return TypedResults.Problem(
                texts.GiveTheCommandAsText,
                statusCode: StatusCodes.Status400BadRequest, title: texts.ProblemBadCommand,
                extensions: new Dictionary<string, object?> { ["usage"] = Usage.Of("help") });
        }

        if (TooLong(body.User) is { } userError)
        {
            return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(new Dictionary<string, string[]> { ["user"] = [userError] })
            {
                Status = StatusCodes.Status400BadRequest,
                Detail = userError,
            });
        }

        var outcome = await runner.RunAsync(body.Text, Actor(body.User), n, "", cancellationToken).ConfigureAwait(false);
        return OutcomeResults.ToHttp(outcome, texts);
    }

    private static async Task<Results<Ok<IReadOnlyList<TimelineEntryJson>>, ProblemHttpResult>> TimelineAsync(
        string number, long? after, int? limit, IncidentQueries queries, BotLanguage language, CancellationToken cancellationToken)
    {
        if (!OutcomeResults.TryParseNumber(number, out var n))
        {
            return OutcomeResults.UnknownIncident(number, language.Default);
        }

        // A page with entries proves the incident exists; only an empty one (a poll with nothing new) needs the check.
        var entries = await queries.WithStoreAsync(
            async store =>
            {
                var page = await store.TimelineAsync(n, after ?? 0, Math.Clamp(limit ?? 10_000, 1, 100_000), cancellationToken).ConfigureAwait(false);
                return page.Count > 0 || await store.FindAsync(n, cancellationToken).ConfigureAwait(false) is not null ? page : null;
            },
            cancellationToken).ConfigureAwait(false);
        if (entries is null)
        {
            return OutcomeResults.UnknownIncident(number, language.Default);
        }

        IReadOnlyList<TimelineEntryJson> shown = entries.Select(TimelineEntryJson.Of).ToList();
        return TypedResults.Ok(shown);
    }

    /// <summary>Why <paramref name="user"/> is refused (too long: refused like titles and commands, never cut); null when it is fine.</summary>
    private static string? TooLong(string? user) =>
        user?.Trim() is { Length: > People.MaxLength } name ? $"The user is {name.Length} characters long; the limit is {People.MaxLength}." : null;

    private static string Actor(string? user) => string.IsNullOrWhiteSpace(user) ? ApiActor : People.Normalize(user.Trim());
}
