using System.Text;
using Microsoft.Extensions.Options;

namespace IncidentBot.Postmortems;

/// <summary>
/// Puts a draft on the incident's Confluence page: created on the first export, updated (version + 1) on the next.
/// When the page's version is past the one IncidentBot last wrote, people have edited it: the page is left alone
/// and the draft goes to a child page of its own (<c>… — draft v3</c>), and the outcome says so.
/// </summary>
internal sealed class ConfluenceExport(ConfluenceClient client, IOptions<PostmortemOptions> options)
{
    public bool Enabled => options.Value.Confluence.Enabled;

    /// <param name="last">The last <c>confluence</c> export of this incident: the page and the version we wrote.</param>
    public async Task<ConfluenceResult> ExportAsync(PostmortemDraft draft, int version, PostmortemVersion? last, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var storage = ConfluenceStorage.Render(draft.Markdown);
        var hash = FolderExport.Hash(Encoding.UTF8.GetBytes(storage));
        var page = last?.ConfluencePageId is { } id ? await client.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        page ??= await client.FindByTitleAsync(draft.Title, cancellationToken).ConfigureAwait(false);
        var message = $"IncidentBot draft v{version}";
        if (page is null)
        {
            var parent = options.Value.Confluence.ParentPageId;
            var created = await client.CreateAsync(draft.Title, storage, parent.Length == 0 ? null : parent, cancellationToken).ConfigureAwait(false);
            return new ConfluenceResult("confluence", created, hash, $"Confluence page created: {created.Url ?? created.Title}");
        }

        if (last is not null && page.Id == last.ConfluencePageId && page.Version <= last.ConfluenceVersion)
        {
            var updated = await client.UpdateAsync(page.Id, draft.Title, storage, page.Version + 1, message, cancellationToken).ConfigureAwait(false);
            return new ConfluenceResult("confluence", updated, hash, $"Confluence page updated to version {updated.Version}: {updated.Url ?? updated.Title}");
        }

        var why = last is not null && page.Id == last.ConfluencePageId
            ? $"was edited by someone (now version {page.Version}; IncidentBot wrote version {last.ConfluenceVersion})"
            : "exists and was not written by IncidentBot";
        var childTitle = $"{draft.Title} — draft v{version}";
        var existing = await client.FindByTitleAsync(childTitle, cancellationToken).ConfigureAwait(false);
        var child = existing is null
            ? await client.CreateAsync(childTitle, storage, page.Id, cancellationToken).ConfigureAwait(false)
            : await client.UpdateAsync(existing.Id, childTitle, storage, existing.Version + 1, message, cancellationToken).ConfigureAwait(false);
        return new ConfluenceResult(
            "confluence_draft", child, hash,
            $"the Confluence page \"{page.Title}\" {why}, so it was not overwritten; this draft is its child page: {child.Url ?? child.Title}");
    }
}

/// <summary>Where a draft went in Confluence: <c>confluence</c> (the incident's page) or <c>confluence_draft</c> (a child page beside an edited one).</summary>
internal sealed record ConfluenceResult(string Format, ConfluencePage Page, string Hash, string Message);
