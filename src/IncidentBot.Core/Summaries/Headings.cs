namespace IncidentBot.Summaries;

/// <summary>
/// The sections of every catch-up, in order, whoever writes it, in English; <see cref="Language.Texts.Headings"/> has
/// them in the bot's other languages.
/// </summary>
public static class Headings
{
    public const string Broken = "What is broken";
    public const string Impact = "Impact";
    public const string Tried = "What has been tried";
    public const string Decisions = "Decisions and status";
    public const string Hypothesis = "Current hypothesis";
    public const string Roles = "Roles";
    public const string Questions = "Open questions";
    public const string NextSteps = "Next steps";

    public static IReadOnlyList<string> All { get; } = [Broken, Impact, Tried, Decisions, Hypothesis, Roles, Questions, NextSteps];
}
