using IncidentBot.Commands;
using IncidentBot.Language;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IncidentBot.Api;

/// <summary>How a command's outcome is answered over HTTP; problems in the bot's language (<see cref="Texts"/>).</summary>
internal static class OutcomeResults
{
    /// <summary>200 with the command's result (written with the generated serializer: every command answers here), or its problem.</summary>
    public static Results<JsonHttpResult<CommandResultJson>, ProblemHttpResult> ToHttp(CommandOutcome outcome, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Ok)
        {
            return TypedResults.Json(
                new CommandResultJson(
                    outcome.Command?.Name ?? "",
                    outcome.Message,
                    outcome.Incident is null ? null : IncidentJson.Of(outcome.Incident),
                    outcome.Written.Select(TimelineEntryJson.Of).ToList()),
                ApiJsonContext.Default.CommandResultJson);
        }

        return Problem(outcome, texts);
    }

    public static ProblemHttpResult Problem(CommandOutcome outcome, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(texts);
        var (status, title) = outcome.Kind switch
        {
            OutcomeKind.NotFound => (StatusCodes.Status404NotFound, texts.ProblemUnknownIncident),
            OutcomeKind.Refused => (StatusCodes.Status409Conflict, texts.ProblemRefused),
            _ => (StatusCodes.Status400BadRequest, texts.ProblemBadCommand),
        };
        var extensions = outcome.Usage is null ? null : new Dictionary<string, object?> { ["usage"] = outcome.Usage };
        return TypedResults.Problem(outcome.Message, statusCode: status, title: title, extensions: extensions);
    }

    public static ProblemHttpResult UnknownIncident(string number, Texts texts) => TypedResults.Problem(
        texts.NoIncidentCalled(Shorten.ForQuoting(number)), statusCode: StatusCodes.Status404NotFound, title: texts.ProblemUnknownIncident);

    /// <summary>Accepts <c>42</c> and <c>INC-42</c>.</summary>
    public static bool TryParseNumber(string text, out int number)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = text.StartsWith("INC-", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number) && number > 0;
    }
}
