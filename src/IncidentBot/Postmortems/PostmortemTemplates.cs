using System.Collections.Concurrent;
using HandlebarsDotNet;
using IncidentBot.Incidents;
using Microsoft.Extensions.Options;

namespace IncidentBot.Postmortems;

/// <summary>
/// The Handlebars templates: which one a severity gets, compiled once per version of the file, and every error
/// turned into a <see cref="PostmortemTemplateException"/> naming the file and the line.
/// </summary>
internal sealed class PostmortemTemplates
{
    public const string DefaultTemplate = "postmortem.md.hbs";

    /// <summary>The default template of a language other than English, in a folder named after it: <c>ja/postmortem.md.hbs</c>.</summary>
    public static string LanguageTemplate(string language) => $"{language}/{DefaultTemplate}";

    private readonly IHandlebars _handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
    private readonly ConcurrentDictionary<string, (DateTime Written, string Text, HandlebarsTemplate<object, object> Template)> _compiled = new();
    private readonly PostmortemOptions _options;

    public PostmortemTemplates(IOptions<PostmortemOptions> options)
    {
        _options = options.Value;
        Folder = ResolvePath(_options.TemplatesPath);
        // Values go into Markdown: a table cell must not end early at a pipe or a line break, a list item must stay on its line.
        _handlebars.RegisterHelper("cell", (writer, _, arguments) => writer.WriteSafeString(
            OneLine(Argument(arguments)).Replace("|", "\\|", StringComparison.Ordinal)));
        _handlebars.RegisterHelper("line", (writer, _, arguments) => writer.WriteSafeString(OneLine(Argument(arguments))));
        _handlebars.RegisterHelper("quote", (writer, _, arguments) => writer.WriteSafeString(
            string.Join('\n', Argument(arguments).ReplaceLineEndings("\n").Split('\n').Select(l => "> " + l))));
    }

    public string Folder { get; }

    /// <summary>
    /// The file for <paramref name="severity"/>: its configured template, else the default one of
    /// <paramref name="language"/> (<c>ja/postmortem.md.hbs</c>) when the templates folder has one, else the default one.
    /// </summary>
    public string FileFor(Severity severity, string language = "en")
    {
        foreach (var (key, file) in _options.Templates)
        {
            if (SeverityText.TryParse(key, out var configured) && configured == severity && !string.IsNullOrWhiteSpace(file))
            {
                return Path.Combine(Folder, file);
            }
        }

        if (language != "en" && Path.Combine(Folder, LanguageTemplate(language)) is var translated && File.Exists(translated))
        {
            return translated;
        }

        return Path.Combine(Folder, DefaultTemplate);
    }

    /// <summary>A template's name as the draft cites it: its path in the templates folder, with forward slashes.</summary>
    public string NameOf(string file) => Path.GetRelativePath(Folder, file).Replace('\\', '/');

    public string Render(string file, object model)
    {
        var (text, template) = Compile(file);
        try
        {
            return template(model);
        }
        catch (HandlebarsException error)
        {
            throw TemplateErrors.Explain(file, text, error);
        }
    }

    /// <summary>A relative path is taken from the working directory, else from beside the program.</summary>
    public static string ResolvePath(string path)
    {
        if (Path.IsPathRooted(path) || Directory.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        var besideProgram = Path.Combine(AppContext.BaseDirectory, path);
        return Directory.Exists(besideProgram) ? besideProgram : Path.GetFullPath(path);
    }

    private (string Text, HandlebarsTemplate<object, object> Template) Compile(string file)
    {
        if (!File.Exists(file))
        {
            throw new PostmortemTemplateException(Path.GetFileName(file), null, $"the file {file} does not exist", new FileNotFoundException(null, file));
        }

        var written = File.GetLastWriteTimeUtc(file);
        if (_compiled.TryGetValue(file, out var cached) && cached.Written == written)
        {
            return (cached.Text, cached.Template);
        }

        var text = File.ReadAllText(file);
        // Handlebars.Net accepts some broken nesting and reports others without a line: check the structure first.
        if (TemplateErrors.Structure(text) is { } broken)
        {
            throw new PostmortemTemplateException(Path.GetFileName(file), broken.Line, broken.Message, new FormatException(broken.Message));
        }

        try
        {
            var template = _handlebars.Compile(text);
            _compiled[file] = (written, text, template);
            return (text, template);
        }
        catch (HandlebarsException error)
        {
            throw TemplateErrors.Explain(file, text, error);
        }
    }

    private static string Argument(Arguments arguments) => arguments.Length > 0 ? arguments[0]?.ToString() ?? "" : "";

    private static string OneLine(string text) =>
        text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
            ? string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : text;
}
