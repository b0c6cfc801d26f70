using System.Collections.Concurrent;
using System.Globalization;
using HandlebarsDotNet;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Timeline;
using Microsoft.Extensions.Options;

namespace IncidentBot.Postmortems;

/// <summary>Fills a Handlebars template with everything the bot knows about an incident.</summary>
internal sealed class PostmortemRenderer
{
    public const string DefaultTemplate = "postmortem.md.hbs";

    private readonly IHandlebars _handlebars;
    private readonly ConcurrentDictionary<string, (DateTime Written, HandlebarsTemplate<object, object> Template)> _compiled = new();
    private readonly PostmortemOptions _options;
    private readonly TimeZoneInfo _zone;

    public PostmortemRenderer(IOptions<PostmortemOptions> options)
    {
        _options = options.Value;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(_options.TimeZone);
        _handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        // Markdown table cells: a pipe or a line break would end the cell early.
        _handlebars.RegisterHelper("cell", (writer, _, arguments) =>
            writer.WriteSafeString((arguments.Length > 0 ? arguments[0]?.ToString() ?? "" : "")
                .Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal)
                .Replace("\n", "<br>", StringComparison.Ordinal)));
    }

    public string TemplatesPath => ResolvePath(_options.TemplatesPath);

    public string Render(Incident incident, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<ActionItem> actionItems, DateTimeOffset now)
    {
        var template = Template(Path.Combine(TemplatesPath, DefaultTemplate));
        return template(Model(incident, timeline, actionItems, now));
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

    private HandlebarsTemplate<object, object> Template(string file)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"The postmortem template {file} does not exist.", file);
        }

        var written = File.GetLastWriteTimeUtc(file);
        if (_compiled.TryGetValue(file, out var cached) && cached.Written == written)
        {
            return cached.Template;
        }

        var template = _handlebars.Compile(File.ReadAllText(file));
        _compiled[file] = (written, template);
        return template;
    }

    private Dictionary<string, object?> Model(Incident incident, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<ActionItem> actionItems, DateTimeOffset now)
    {
        var durations = incident.Durations;
        return new Dictionary<string, object?>
        {
            ["generatedAt"] = Instant(now)["utc"],
            ["timeZone"] = _options.TimeZone,
            ["incident"] = new Dictionary<string, object?>
            {
                ["key"] = incident.Key,
                ["number"] = incident.Number,
                ["title"] = incident.Title,
                ["severity"] = incident.Severity.Label(),
                ["status"] = incident.Status.Name(),
                ["private"] = incident.IsPrivate,
                ["drill"] = incident.IsDrill,
                ["declaredBy"] = People.Display(incident.DeclaredBy),
                ["startedAt"] = Instant(incident.StartedAt),
                ["detectedAt"] = Instant(incident.DetectedAt),
                ["declaredAt"] = Instant(incident.DeclaredAt),
                ["acknowledgedAt"] = Instant(incident.AcknowledgedAt),
                ["mitigatedAt"] = Instant(incident.MitigatedAt),
                ["resolvedAt"] = Instant(incident.ResolvedAt),
            },
            ["durations"] = new Dictionary<string, object?>
            {
                ["detect"] = Show(durations.ToDetect),
                ["acknowledge"] = Show(durations.ToAcknowledge),
                ["mitigate"] = Show(durations.ToMitigate),
                ["resolve"] = Show(durations.ToResolve),
            },
            ["roles"] = Enum.GetValues<Role>().Select(role => new Dictionary<string, object?>
            {
                ["name"] = role.Name(),
                ["title"] = role.Title(),
                ["holder"] = incident.HolderOf(role) is { } holder ? People.Display(holder) : null,
            }).ToList(),
            ["timeline"] = timeline.Select(Entry).ToList(),
            ["handoffs"] = timeline.Where(e => e.Kind == TimelineKind.RoleAssigned).Select(Entry).ToList(),
            ["updates"] = timeline.Where(e => e.Kind == TimelineKind.StatusUpdate).Select(Entry).ToList(),
            ["actionItems"] = actionItems.Select(a => new Dictionary<string, object?>
            {
                ["id"] = a.Id,
                ["text"] = a.Text,
                ["owner"] = a.Owner is null ? null : People.Display(a.Owner),
                ["due"] = a.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["state"] = a.IsDone ? "done" : "open",
            }).ToList(),
        };
    }

    private Dictionary<string, object?> Entry(TimelineEntry entry)
    {
        var at = Instant(entry.At);
        return new Dictionary<string, object?>
        {
            ["utc"] = at["utc"],
            ["local"] = at["local"],
            ["actor"] = People.Display(entry.Actor),
            ["kind"] = entry.Kind.Name(),
            ["text"] = entry.Text,
            ["link"] = entry.Link,
        };
    }

    private Dictionary<string, object?> Instant(DateTimeOffset at) => new()
    {
        ["utc"] = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["local"] = TimeZoneInfo.ConvertTime(at, _zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
        ["iso"] = Instants.Format(at),
    };

    private Dictionary<string, object?>? Instant(DateTimeOffset? at) => at is { } value ? Instant(value) : null;

    private static string Show(TimeSpan? span) => span is { } value ? Instants.Humanize(value) : "—";
}
