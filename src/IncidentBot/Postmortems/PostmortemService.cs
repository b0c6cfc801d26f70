using System.Text;
using IncidentBot.Commands;
using IncidentBot.Storage;
using IncidentBot.Timeline;
using Microsoft.Extensions.Options;

namespace IncidentBot.Postmortems;

/// <summary>Drafts an incident's postmortem, writes it to the export folder and records that on the timeline.</summary>
internal sealed class PostmortemService(
    PostmortemRenderer renderer,
    DatabaseWriter writer,
    IncidentQueries queries,
    IOptions<PostmortemOptions> options,
    TimeProvider time)
{
    /// <summary>The Markdown draft, or null when there is no such incident.</summary>
    public async Task<string?> RenderMarkdownAsync(int number, CancellationToken cancellationToken)
    {
        var incident = await queries.FindAsync(number, cancellationToken).ConfigureAwait(false);
        if (incident is null)
        {
            return null;
        }

        var timeline = await queries.TimelineAsync(number, 0, int.MaxValue, cancellationToken).ConfigureAwait(false);
        var actions = await queries.ActionItemsAsync(number, cancellationToken).ConfigureAwait(false);
        return renderer.Render(incident, timeline, actions, time.GetUtcNow());
    }

    public async Task<CommandOutcome> DraftAsync(int number, string actor, CancellationToken cancellationToken)
    {
        var markdown = await RenderMarkdownAsync(number, cancellationToken).ConfigureAwait(false);
        if (markdown is null)
        {
            return CommandOutcome.NotFound(number);
        }

        var incident = (await queries.FindAsync(number, cancellationToken).ConfigureAwait(false))!;
        var folder = Path.GetFullPath(options.Value.ExportPath);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{incident.Key}-{Slug(incident.Title)}.md");
        // Write beside, then move: a reader never sees half a file.
        var partial = file + ".partial";
        await File.WriteAllTextAsync(partial, markdown, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        File.Move(partial, file, overwrite: true);

        return await writer.WriteAsync(async (scope, ct) =>
        {
            var current = await scope.Ledger.FindAsync(number, ct).ConfigureAwait(false) ?? incident;
            var entry = current.Record(TimelineKind.PostmortemDrafted, $"Postmortem drafted: {Path.GetFileName(file)}", actor, scope.Now)
                with { Link = file };
            var stored = await scope.Ledger.AppendAsync(entry, ct).ConfigureAwait(false);
            return new CommandOutcome(
                OutcomeKind.Done, $"Postmortem draft of {current.Key} written to {file}.", null, current, stored is null ? [] : [stored], new PostmortemCommand());
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lower-case words joined by hyphens, at most 60 characters: <c>payments-api-down</c>.</summary>
    public static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-' && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        text = text.Length > 60 ? text[..60].TrimEnd('-') : text;
        return text.Length == 0 ? "incident" : text;
    }
}
