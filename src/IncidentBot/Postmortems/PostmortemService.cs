using System.Text;
using IncidentBot.Commands;
using IncidentBot.Storage;
using IncidentBot.Timeline;

namespace IncidentBot.Postmortems;

/// <summary>
/// Drafts an incident's postmortem: renders it, exports it to the folder (and Confluence when configured), then
/// records the export versions and a <c>postmortem_drafted</c> timeline entry in one transaction. That entry is what
/// the chat fan-out posts to the room.
/// </summary>
internal sealed partial class PostmortemService(
    PostmortemRenderer renderer,
    FolderExport folder,
    ConfluenceExport confluence,
    DatabaseWriter writer,
    IncidentQueries queries,
    Database database,
    TimeProvider time,
    ILogger<PostmortemService> logger) : IDisposable
{
    private static readonly string[] FileFormats = ["md", "html", "docx"];

    // One draft at a time: version numbers and the edited-file checks assume nobody else writes meanwhile.
    private readonly SemaphoreSlim _drafting = new(1, 1);

    /// <summary>The draft, or null when there is no such incident.</summary>
    /// <exception cref="PostmortemTemplateException">The incident's template does not compile or render.</exception>
    public async Task<PostmortemDraft?> RenderAsync(int number, CancellationToken cancellationToken)
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
        await _drafting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            PostmortemDraft? draft;
            try
            {
                draft = await RenderAsync(number, cancellationToken).ConfigureAwait(false);
            }
            catch (PostmortemTemplateException error)
            {
                return new CommandOutcome(OutcomeKind.Refused, error.Message, null, null, null, new PostmortemCommand());
            }

            if (draft is null)
            {
                return CommandOutcome.NotFound(number);
            }

            return await ExportAsync(number, draft, actor, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _drafting.Release();
        }
    }

    private async Task<CommandOutcome> ExportAsync(int number, PostmortemDraft draft, string actor, CancellationToken cancellationToken)
    {
        var rows = new List<PostmortemVersion>();
        var notes = new List<string>();
        int version;
        PostmortemVersion? lastConfluence;
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            var versions = new SqlPostmortemVersions(connection, null);
            version = await versions.NextVersionAsync(number, cancellationToken).ConfigureAwait(false);
            lastConfluence = await versions.LatestAsync(number, "confluence", null, cancellationToken).ConfigureAwait(false);
            foreach (var format in FileFormats)
            {
                var file = await folder.WriteAsync(
                    draft.Stem, format, Content(draft, format), version,
                    async path => (await versions.LatestAsync(number, format, path, cancellationToken).ConfigureAwait(false))?.Hash,
                    cancellationToken).ConfigureAwait(false);
                rows.Add(new PostmortemVersion(number, version, format, file.Hash, file.Path, null, null, default));
                if (file.KeptEdited is { } kept)
                {
                    notes.Add($"{Path.GetFileName(kept)} was edited since IncidentBot wrote it, so it was kept and this draft is {Path.GetFileName(file.Path)}");
                }
            }
        }

        var link = rows[0].Path;
        if (confluence.Enabled)
        {
            try
            {
                var result = await confluence.ExportAsync(draft, version, lastConfluence, cancellationToken).ConfigureAwait(false);
                rows.Add(new PostmortemVersion(number, version, result.Format, result.Hash, result.Page.Url ?? result.Page.Id, result.Page.Id, result.Page.Version, default));
                notes.Add(result.Message);
                link = result.Page.Url ?? link;
            }
            catch (Exception error) when (error is ConfluenceException or HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // A failing side channel is recorded and never undoes the draft written to the folder.
                LogConfluenceFailed(logger, error, number);
                notes.Add($"the Confluence export failed ({error.Message.TrimEnd('.')}); run `postmortem` again to retry");
            }
        }

        if (draft.BlameFlags > 0)
        {
            notes.Add($"the blameless check flagged {draft.BlameFlags} sentence(s) for review");
        }

        var text = Describe(draft, version, rows, notes);
        return await writer.WriteAsync(async (scope, ct) =>
        {
            var incident = await scope.Ledger.FindAsync(number, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"INC-{number} disappeared while its postmortem was drafted.");
            var versions = new SqlPostmortemVersions(scope.Connection, scope.Transaction);
            foreach (var row in rows)
            {
                await versions.InsertAsync(row with { CreatedAt = scope.Now }, ct).ConfigureAwait(false);
            }

            var entry = incident.Record(TimelineKind.PostmortemDrafted, text, actor, scope.Now) with { Link = link, SourceKey = $"postmortem-v{version}" };
            var stored = await scope.Ledger.AppendAsync(entry, ct).ConfigureAwait(false);
            return new CommandOutcome(OutcomeKind.Done, text, null, incident, stored is null ? [] : [stored], new PostmortemCommand());
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>Postmortem draft v2 of INC-42 (template postmortem.md.hbs): INC-42-x.md, .html, .docx in /data/postmortems; …</c></summary>
    private static string Describe(PostmortemDraft draft, int version, List<PostmortemVersion> rows, List<string> notes)
    {
        var files = rows.Where(r => FileFormats.Contains(r.Format)).ToList();
        var text = new StringBuilder($"Postmortem draft v{version} of {draft.Key} (template {draft.Template}): ")
            .Append(string.Join(", ", files.Select(f => Path.GetFileName(f.Path))))
            .Append(" in ").Append(Path.GetDirectoryName(files[0].Path));
        foreach (var note in notes)
        {
            text.Append("; ").Append(note);
        }

        return text.Append('.').ToString();
    }

    private static byte[] Content(PostmortemDraft draft, string format) => format switch
    {
        "md" => Encoding.UTF8.GetBytes(draft.Markdown),
        "html" => Encoding.UTF8.GetBytes(PostmortemHtml.Render(draft.Markdown, draft.Title, draft.Language)),
        "docx" => PostmortemDocx.Render(draft.Markdown, draft.Title),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a postmortem file format."),
    };

    public void Dispose() => _drafting.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Confluence export of the postmortem of INC-{Number} failed")]
    private static partial void LogConfluenceFailed(ILogger logger, Exception exception, int number);
}
