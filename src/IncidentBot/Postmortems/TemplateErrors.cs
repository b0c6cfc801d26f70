using System.Globalization;
using System.Text.RegularExpressions;
using HandlebarsDotNet;

namespace IncidentBot.Postmortems;

/// <summary>
/// Finds the line of a template error. Handlebars.Net rarely says where an error is, so the mustaches are scanned for
/// unclosed or mismatched blocks before compiling (<see cref="Structure"/>); an error after that is placed at the
/// helper or partial it names (<see cref="Explain"/>).
/// </summary>
internal static partial class TemplateErrors
{
    public static PostmortemTemplateException Explain(string file, string text, HandlebarsException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        // The structure was checked before compiling (PostmortemTemplates.Compile): what is left is a helper or partial.
        var name = Path.GetFileName(file);
        var line = Named(error.Message) is { } target ? Mustaches(text).FirstOrDefault(m => target(m.Inner))?.Line : null;
        // Handlebars.Net's "Occured at: L:C" counts lines from 1 already.
        line ??= ParserPosition().Match(error.Message) is { Success: true } at
            ? int.Parse(at.Groups["line"].Value, CultureInfo.InvariantCulture)
            : null;
        var message = ParserPosition().Replace(error.Message, "").Trim();
        return new PostmortemTemplateException(name, line, message, error);
    }

    /// <summary>The first unclosed mustache, empty expression, or block closed out of order; null when the blocks nest.</summary>
    public static (int Line, string Message)? Structure(string text)
    {
        var open = new Stack<Mustache>();
        foreach (var mustache in Mustaches(text))
        {
            if (!mustache.Closed)
            {
                return (mustache.Line, "`{{` is opened here and never closed with `}}`.");
            }

            var inner = mustache.Inner;
            if (inner.Length == 0)
            {
                return (mustache.Line, "the expression `{{}}` is empty.");
            }

            if (inner[0] is '#' && inner.Length > 1)
            {
                open.Push(mustache);
            }
            else if (inner[0] == '/')
            {
                var closing = Word(inner[1..]);
                if (open.Count == 0)
                {
                    return (mustache.Line, $"`{{{{/{closing}}}}}` closes a block that was never opened.");
                }

                var opened = open.Pop();
                var openedName = Word(opened.Inner[1..]);
                if (!string.Equals(openedName, closing, StringComparison.Ordinal))
                {
                    return (mustache.Line, $"`{{{{/{closing}}}}}` closes `{{{{#{openedName}}}}}`, which was opened on line {opened.Line}.");
                }
            }
        }

        return open.Count > 0
            ? (open.Peek().Line, $"`{{{{#{Word(open.Peek().Inner[1..])}}}}}` is opened here and never closed.")
            : null;
    }

    private static Func<string, bool>? Named(string message)
    {
        if (HelperName().Match(message) is { Success: true } helper)
        {
            var name = helper.Groups["name"].Value;
            return inner => Word(inner.TrimStart('#')) == name;
        }

        if (PartialName().Match(message) is { Success: true } partial)
        {
            var name = partial.Groups["name"].Value;
            return inner => inner.StartsWith('>') && Word(inner[1..].TrimStart()) == name;
        }

        if (BlockName().Match(message) is { Success: true } block)
        {
            var name = block.Groups["name"].Value;
            return inner => inner.StartsWith('#') && Word(inner[1..]) == name;
        }

        return null;
    }

    private static IEnumerable<Mustache> Mustaches(string text)
    {
        var line = 1;
        var position = 0;
        while (true)
        {
            var start = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (start < 0)
            {
                yield break;
            }

            line += Count(text, position, start, '\n');
            var comment = text.AsSpan(start).StartsWith("{{!--");
            var end = text.IndexOf(comment ? "--}}" : "}}", start + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                yield return new Mustache(line, "", Closed: false);
                yield break;
            }

            var inner = text[(start + 2)..end].Trim('{', '}', '~', ' ', '\t', '\r', '\n');
            if (!inner.StartsWith('!'))
            {
                yield return new Mustache(line, inner, Closed: true);
            }

            line += Count(text, start, end, '\n');
            position = end + 2;
        }
    }

    private static int Count(string text, int from, int to, char c)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            count += text[i] == c ? 1 : 0;
        }

        return count;
    }

    private static string Word(string inner)
    {
        var trimmed = inner.Trim();
        var end = trimmed.IndexOfAny([' ', '\t', '\r', '\n', '}']);
        return end < 0 ? trimmed : trimmed[..end];
    }

    private sealed record Mustache(int Line, string Inner, bool Closed);

    [GeneratedRegex(@"Helper '(?<name>[^']+)'")]
    private static partial Regex HelperName();

    [GeneratedRegex(@"partial name '(?<name>[^']+)'")]
    private static partial Regex PartialName();

    [GeneratedRegex(@"^\{\{(?<name>[\w-]+)\}\} helper")]
    private static partial Regex BlockName();

    [GeneratedRegex(@"\s*Occured at: (?<line>\d+):(?<column>\d+)\s*")]
    private static partial Regex ParserPosition();
}
