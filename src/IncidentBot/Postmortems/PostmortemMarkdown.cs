using Markdig;

namespace IncidentBot.Postmortems;

/// <summary>
/// The one Markdown dialect of postmortems, read the same way for HTML, DOCX and Confluence: CommonMark with pipe
/// tables and strikethrough. Raw HTML is off, so text people typed into notes is shown, never run.
/// </summary>
internal static class PostmortemMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .DisableHtml()
        .Build();
}
