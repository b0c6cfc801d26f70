using IncidentBot.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IncidentBot.Postmortems;

/// <summary><c>GET /api/incidents/{number}/postmortem?format=md|html|docx</c>: the draft as it would be exported now.</summary>
internal static class PostmortemEndpoints
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static RouteGroupBuilder MapPostmortems(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/incidents").AddEndpointFilter<ApiTokenFilter>();
        api.MapGet("/{number}/postmortem", GetAsync);
        return api;
    }

    private static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string number, string? format, PostmortemService postmortems, Language.BotLanguage language, CancellationToken cancellationToken)
    {
        format = string.IsNullOrEmpty(format) ? "md" : format.ToLowerInvariant();
        if (format is not ("md" or "html" or "docx"))
        {
            return TypedResults.Problem(
                $"'{Shorten.ForQuoting(format, 20)}' is not a postmortem format: use md, html or docx.",
                statusCode: StatusCodes.Status400BadRequest, title: "Bad format");
        }

        PostmortemDraft? draft;
        try
        {
            draft = OutcomeResults.TryParseNumber(number, out var n) ? await postmortems.RenderAsync(n, cancellationToken).ConfigureAwait(false) : null;
        }
        catch (PostmortemTemplateException error)
        {
            return TypedResults.Problem(error.Message, statusCode: StatusCodes.Status500InternalServerError, title: "Postmortem template error",
                extensions: new Dictionary<string, object?> { ["template"] = error.Template, ["line"] = error.Line });
        }

        if (draft is null)
        {
            return OutcomeResults.UnknownIncident(number, language.Default);
        }

        return format switch
        {
            "md" => TypedResults.Text(draft.Markdown, "text/markdown; charset=utf-8"),
            "html" => TypedResults.Text(PostmortemHtml.Render(draft.Markdown, draft.Title, draft.Language), "text/html; charset=utf-8"),
            _ => TypedResults.File(PostmortemDocx.Render(draft.Markdown, draft.Title), DocxContentType, draft.Stem + ".docx"),
        };
    }
}
