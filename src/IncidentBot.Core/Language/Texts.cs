using IncidentBot.Incidents;

namespace IncidentBot.Language;

/// <summary>
/// Everything the bot says to a person, in one language: <see cref="En"/> (Texts.en.cs) and <see cref="Ja"/>
/// (Texts.ja.cs). Command words, statuses, severities and role names stay as DESIGN.md has them in every language.
/// </summary>
public sealed partial record Texts
{
    /// <summary>The language's code: <c>en</c> or <c>ja</c>.</summary>
    public required string Code { get; init; }

    // Parse errors.
    public required string NoCommand { get; init; }
    public required Func<int, int, string> CommandTooLong { get; init; }
    public required Func<string, string> UnknownCommand { get; init; }
    public required string NeedsTitle { get; init; }
    public required Func<int, int, string> TitleTooLong { get; init; }
    public required string NameOneRole { get; init; }
    public required Func<string, string> NotARole { get; init; }
    public required Func<string, string> NotAPerson { get; init; }
    public required string WhichSeverity { get; init; }
    public required Func<string, string> NotASeverity { get; init; }
    public required string WhichStatus { get; init; }
    public required Func<string, string> NotAStatus { get; init; }
    public required Func<string, string> NotADate { get; init; }
    public required string WhatNeedsDoing { get; init; }
    public required string WhatShouldTheNoteSay { get; init; }
    public required string WhatShouldTheUpdateSay { get; init; }
    public required Func<string, string> NoSuchCommand { get; init; }
    public required Func<string, string> TakesNoArguments { get; init; }

    // Replies.
    public required string Usage { get; init; }
    public required string HelpHeading { get; init; }

    /// <summary>What each command does, by command name, for <c>help</c> and the welcome.</summary>
    public required IReadOnlyDictionary<string, string> Purposes { get; init; }

    public required Func<string, string> OpeningRoom { get; init; }
    public required string WorkingOnIt { get; init; }
    public required Func<int, string> NoSuchIncident { get; init; }
    public required Func<string, string, string> OutsideRoom { get; init; }
    public required Func<Incident, string> Declared { get; init; }
    public required Func<string, string, string, string> RoleNow { get; init; }
    public required Func<string, string, string> IsNow { get; init; }
    public required Func<string, string> Noted { get; init; }
    public required Func<string, string> UpdateRecorded { get; init; }
    public required Func<string, string> Resolved { get; init; }
    public required Func<string, string> Reopened { get; init; }
    public required Func<string, string, string> Done { get; init; }
    public required Func<long, string, string> ActionAdded { get; init; }
    public required string NoOpenIncidents { get; init; }
    public required Func<int, string> OpenIncidents { get; init; }
    public required Func<string, string, string, string, string> Durations { get; init; }
    public required Func<Role, string> RoleTitle { get; init; }
    public required Func<string, string> TeamsWelcome { get; init; }

    // Problem details of the JSON API.
    public required string ProblemUnknownIncident { get; init; }
    public required string ProblemRefused { get; init; }
    public required string ProblemBadCommand { get; init; }
    public required Func<string, string> NoIncidentCalled { get; init; }
    public required string UseASeverity { get; init; }
    public required string GiveTheCommandAsText { get; init; }

    // The postmortem's Summary section, drafted from the incident as it ends.
    public required Func<Incident, string> OverviewWhat { get; init; }
    public required Func<string, string, string, string?, string> OverviewBegan { get; init; }
    public required Func<string, string> OverviewMitigated { get; init; }
    public required Func<string, string?, string?, string> OverviewResolved { get; init; }
    public required Func<string, string> OverviewOpen { get; init; }
    public required Func<string, string, string> OverviewLastUpdate { get; init; }
    public required Func<int, int, string> OverviewActions { get; init; }

    // The catch-up summary.
    public required string Broken { get; init; }
    public required string Impact { get; init; }
    public required string Tried { get; init; }
    public required string Decisions { get; init; }
    public required string Hypothesis { get; init; }
    public required string Roles { get; init; }
    public required string Questions { get; init; }
    public required string NextSteps { get; init; }
    public required string Links { get; init; }
    public required string NothingYet { get; init; }
    public required string Unassigned { get; init; }

    /// <summary>The texts of <paramref name="code"/> (<c>en</c> or <c>ja</c>); null for a language the bot does not speak.</summary>
    public static Texts? For(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "en" => En,
        "ja" => Ja,
        _ => null,
    };

    /// <summary>
    /// The texts for a person's locale as a platform gives it (<c>ja-JP</c>, <c>en-US</c>, <c>ja</c>); null when the
    /// locale is missing or in a language the bot does not speak, so the bot's own language applies.
    /// </summary>
    public static Texts? ForLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var dash = locale.IndexOfAny(['-', '_']);
        return For(dash < 0 ? locale : locale[..dash]);
    }

    /// <summary>The summary headings in order.</summary>
    public IReadOnlyList<string> Headings => [Broken, Impact, Tried, Decisions, Hypothesis, Roles, Questions, NextSteps];
}
