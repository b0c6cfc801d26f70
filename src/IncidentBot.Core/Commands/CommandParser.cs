using System.Globalization;
using IncidentBot.Incidents;
using IncidentBot.Language;

namespace IncidentBot.Commands;

/// <summary>
/// The one parser of the command grammar, for every platform. Never throws on input: a bad command comes back as
/// a <see cref="Parsed"/> failure with that command's usage line, the error in the person's language.
/// </summary>
public static class CommandParser
{
    /// <summary>The most characters a command may have; past it the command is refused, not cut.</summary>
    public const int MaxLength = 4000;

    public static Parsed Parse(string? text, Texts? texts = null)
    {
        var t = texts ?? Texts.En;
        text = Clean(text);
        if (text.Length == 0)
        {
            return Parsed.Fail(t.NoCommand, Usage.Of("help"));
        }

        if (text.Length > MaxLength)
        {
            return Parsed.Fail(
                t.CommandTooLong(text.Length, MaxLength), Usage.Of(FirstWord(text)));
        }

        var word = FirstWord(text);
        var rest = text[word.Length..].Trim();
        var usage = Usage.Of(word);
        return word.ToLowerInvariant() switch
        {
            "declare" => Declare(rest, usage, t),
            "role" => RoleOf(rest, usage, t),
            "sev" or "severity" => SeverityOf(rest, Usage.Of("sev"), t),
            "status" => StatusOf(rest, usage, t),
            "note" => Required(rest, usage, t.WhatShouldTheNoteSay, t => new NoteCommand(t)),
            "update" => Required(rest, usage, t.WhatShouldTheUpdateSay, t => new UpdateCommand(t)),
            "summary" => Bare(rest, usage, new SummaryCommand(), t),
            "timeline" => Bare(rest, usage, new TimelineCommand(), t),
            "resolve" => Parsed.Of(new ResolveCommand(rest.Length == 0 ? null : rest)),
            "reopen" => Bare(rest, usage, new ReopenCommand(), t),
            "action" => ActionOf(rest, usage, t),
            "postmortem" => Bare(rest, usage, new PostmortemCommand(), t),
            "list" => Bare(rest, usage, new ListCommand(), t),
            "help" => Help(rest, t),
            _ => Parsed.Fail(t.UnknownCommand(Shorten(word)), Usage.Of("help")),
        };
    }

    private static Parsed Declare(string rest, string? usage, Texts t)
    {
        var tokens = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var severity = Severity.Sev3;
        bool isPrivate = false, isDrill = false, severityGiven = false;
        while (tokens.Count > 0)
        {
            var last = tokens[^1];
            if (!severityGiven && last.StartsWith("sev", StringComparison.OrdinalIgnoreCase) && SeverityText.TryParse(last, out var s))
            {
                severity = s;
                severityGiven = true;
            }
            else if (!isPrivate && last.Equals("private", StringComparison.OrdinalIgnoreCase))
            {
                isPrivate = true;
            }
            else if (!isDrill && last.Equals("drill", StringComparison.OrdinalIgnoreCase))
            {
                isDrill = true;
            }
            else
            {
                break;
            }

            tokens.RemoveAt(tokens.Count - 1);
        }

        var title = Unquote(string.Join(' ', tokens));
        if (title.Length == 0)
        {
            return Parsed.Fail(t.NeedsTitle, usage);
        }

        if (title.Length > Incident.MaxTitleLength)
        {
            return Parsed.Fail(t.TitleTooLong(title.Length, Incident.MaxTitleLength), usage);
        }

        return Parsed.Of(new DeclareCommand(new Declaration(title, severity, isPrivate, isDrill)));
    }

    private static Parsed RoleOf(string rest, string? usage, Texts t)
    {
        var tokens = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0 || tokens.Length > 2)
        {
            return Parsed.Fail(t.NameOneRole, usage);
        }

        if (!RoleText.TryParse(tokens[0], out var role))
        {
            return Parsed.Fail(t.NotARole(Shorten(tokens[0])), usage);
        }

        if (tokens.Length == 2 && !People.IsMention(tokens[1]))
        {
            return Parsed.Fail(t.NotAPerson(Shorten(tokens[1])), usage);
        }

        return Parsed.Of(new RoleCommand(role, tokens.Length == 2 ? People.Normalize(tokens[1]) : null));
    }

    private static Parsed SeverityOf(string rest, string? usage, Texts t) =>
        SeverityText.TryParse(rest, out var severity)
            ? Parsed.Of(new SeverityCommand(severity))
            : Parsed.Fail(rest.Length == 0 ? t.WhichSeverity : t.NotASeverity(Shorten(rest)), usage);

    private static Parsed StatusOf(string rest, string? usage, Texts t)
    {
        if (!IncidentStatusText.TryParse(rest, out var status))
        {
            return Parsed.Fail(rest.Length == 0 ? t.WhichStatus : t.NotAStatus(Shorten(rest)), usage);
        }

        // `status resolved` is the resolve transition itself, so it means exactly what `resolve` means.
        return Parsed.Of(status == IncidentStatus.Resolved ? new ResolveCommand(null) : new StatusCommand(status));
    }

    private static Parsed ActionOf(string rest, string? usage, Texts t)
    {
        var tokens = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        string? owner = null;
        DateOnly? due = null;
        ActionKind? kind = null;
        while (tokens.Count > 0)
        {
            if (due is null && tokens.Count >= 2 && tokens[^2].Equals("due", StringComparison.OrdinalIgnoreCase))
            {
                if (!DateOnly.TryParseExact(tokens[^1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return Parsed.Fail(t.NotADate(Shorten(tokens[^1])), usage);
                }

                due = date;
                tokens.RemoveRange(tokens.Count - 2, 2);
            }
            else if (owner is null && People.IsMention(tokens[^1]))
            {
                owner = People.Normalize(tokens[^1]);
                tokens.RemoveAt(tokens.Count - 1);
            }
            else if (kind is null && tokens.Count > 1 && ActionKindText.TryParse(tokens[^1], out var written))
            {
                // An extension of DESIGN.md's grammar: a trailing kind word; a one-word action keeps its word as text.
                kind = written;
                tokens.RemoveAt(tokens.Count - 1);
            }
            else
            {
                break;
            }
        }

        var text = string.Join(' ', tokens);
        return text.Length == 0 ? Parsed.Fail(t.WhatNeedsDoing, usage) : Parsed.Of(new ActionCommand(text, owner, due, kind));
    }

    private static Parsed Help(string rest, Texts t)
    {
        if (rest.Length == 0)
        {
            return Parsed.Of(new HelpCommand(null));
        }

        return Usage.Of(rest) is null
            ? Parsed.Fail(t.NoSuchCommand(Shorten(rest)), Usage.Of("help"))
            : Parsed.Of(new HelpCommand(rest.ToLowerInvariant()));
    }

    private static Parsed Required(string rest, string? usage, string ask, Func<string, Command> make) =>
        rest.Length == 0 ? Parsed.Fail(ask, usage) : Parsed.Of(make(rest));

    private static Parsed Bare(string rest, string? usage, Command command, Texts t) =>
        rest.Length == 0 ? Parsed.Of(command) : Parsed.Fail(t.TakesNoArguments(command.Name), usage);

    private static string FirstWord(string text)
    {
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return text[..end];
    }

    /// <summary>Drops control characters other than line breaks and tabs, and a leading slash-command word.</summary>
    private static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsControl(c) || c is '\n' or '\t')
            {
                kept.Append(c is '\t' ? ' ' : c);
            }
        }

        var cleaned = kept.ToString().Trim();
        return cleaned.StartsWith("/incident", StringComparison.OrdinalIgnoreCase) ? cleaned["/incident".Length..].Trim() : cleaned;
    }

    private static string Unquote(string text)
    {
        text = text.Trim();
        foreach (var (open, close) in new[] { ('"', '"'), ('\u201C', '\u201D'), ('\'', '\'') })
        {
            if (text.Length >= 2 && text[0] == open && text[^1] == close)
            {
                return text[1..^1].Trim();
            }
        }

        return text;
    }

    private static string Shorten(string text) => IncidentBot.Shorten.ForQuoting(text);
}
