using System.Globalization;
using IncidentBot.Incidents;

namespace IncidentBot.Commands;

/// <summary>
/// The one parser of the command grammar, for every platform. Never throws on input: a bad command comes back as
/// a <see cref="Parsed"/> failure with that command's usage line.
/// </summary>
public static class CommandParser
{
    /// <summary>The most characters a command may have; past it the command is refused, not cut.</summary>
    public const int MaxLength = 4000;

    public static Parsed Parse(string? text)
    {
        text = Clean(text);
        if (text.Length == 0)
        {
            return Parsed.Fail("No command given.", Usage.Of("help"));
        }

        if (text.Length > MaxLength)
        {
            return Parsed.Fail(
                $"The command is {text.Length:N0} characters long; the limit is {MaxLength:N0}.", Usage.Of(FirstWord(text)));
        }

        var word = FirstWord(text);
        var rest = text[word.Length..].Trim();
        var usage = Usage.Of(word);
        return word.ToLowerInvariant() switch
        {
            "declare" => Declare(rest, usage),
            "role" => RoleOf(rest, usage),
            "sev" or "severity" => SeverityOf(rest, Usage.Of("sev")),
            "status" => StatusOf(rest, usage),
            "note" => Required(rest, usage, "What should the note say?", t => new NoteCommand(t)),
            "update" => Required(rest, usage, "What should the update say?", t => new UpdateCommand(t)),
            "summary" => Bare(rest, usage, new SummaryCommand()),
            "timeline" => Bare(rest, usage, new TimelineCommand()),
            "resolve" => Parsed.Of(new ResolveCommand(rest.Length == 0 ? null : rest)),
            "reopen" => Bare(rest, usage, new ReopenCommand()),
            "action" => ActionOf(rest, usage),
            "postmortem" => Bare(rest, usage, new PostmortemCommand()),
            "list" => Bare(rest, usage, new ListCommand()),
            "help" => Help(rest),
            _ => Parsed.Fail($"Unknown command '{Shorten(word)}'. Try `help`.", Usage.Of("help")),
        };
    }

    private static Parsed Declare(string rest, string? usage)
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
            return Parsed.Fail("An incident needs a title.", usage);
        }

        if (title.Length > Incident.MaxTitleLength)
        {
            return Parsed.Fail($"The title is {title.Length} characters long; the limit is {Incident.MaxTitleLength}.", usage);
        }

        return Parsed.Of(new DeclareCommand(new Declaration(title, severity, isPrivate, isDrill)));
    }

    private static Parsed RoleOf(string rest, string? usage)
    {
        var tokens = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0 || tokens.Length > 2)
        {
            return Parsed.Fail("Name one role, and optionally one person.", usage);
        }

        if (!RoleText.TryParse(tokens[0], out var role))
        {
            return Parsed.Fail($"'{Shorten(tokens[0])}' is not a role: use commander, scribe or comms.", usage);
        }

        if (tokens.Length == 2 && !People.IsMention(tokens[1]))
        {
            return Parsed.Fail($"'{Shorten(tokens[1])}' is not a person: write @name.", usage);
        }

        return Parsed.Of(new RoleCommand(role, tokens.Length == 2 ? People.Normalize(tokens[1]) : null));
    }

    private static Parsed SeverityOf(string rest, string? usage) =>
        SeverityText.TryParse(rest, out var severity)
            ? Parsed.Of(new SeverityCommand(severity))
            : Parsed.Fail(rest.Length == 0 ? "Which severity?" : $"'{Shorten(rest)}' is not a severity: use 1 to 4.", usage);

    private static Parsed StatusOf(string rest, string? usage)
    {
        if (!IncidentStatusText.TryParse(rest, out var status))
        {
            return Parsed.Fail(rest.Length == 0 ? "Which status?" : $"'{Shorten(rest)}' is not a status.", usage);
        }

        // `status resolved` is the resolve transition itself, so it means exactly what `resolve` means.
        return Parsed.Of(status == IncidentStatus.Resolved ? new ResolveCommand(null) : new StatusCommand(status));
    }

    private static Parsed ActionOf(string rest, string? usage)
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
                    return Parsed.Fail($"'{Shorten(tokens[^1])}' is not a date: write the due date as YYYY-MM-DD.", usage);
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
        return text.Length == 0 ? Parsed.Fail("What needs doing?", usage) : Parsed.Of(new ActionCommand(text, owner, due, kind));
    }

    private static Parsed Help(string rest)
    {
        if (rest.Length == 0)
        {
            return Parsed.Of(new HelpCommand(null));
        }

        return Usage.Of(rest) is null
            ? Parsed.Fail($"There is no command '{Shorten(rest)}'.", Usage.Of("help"))
            : Parsed.Of(new HelpCommand(rest.ToLowerInvariant()));
    }

    private static Parsed Required(string rest, string? usage, string ask, Func<string, Command> make) =>
        rest.Length == 0 ? Parsed.Fail(ask, usage) : Parsed.Of(make(rest));

    private static Parsed Bare(string rest, string? usage, Command command) =>
        rest.Length == 0 ? Parsed.Of(command) : Parsed.Fail($"`{command.Name}` takes no arguments.", usage);

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
