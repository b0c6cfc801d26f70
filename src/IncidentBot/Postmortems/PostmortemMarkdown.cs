using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IncidentBot.Postmortems;

/// <summary>
/// The one Markdown dialect of postmortems, read the same way for HTML, DOCX and Confluence: CommonMark with pipe
/// tables and strikethrough. Raw HTML is off, so text people typed into notes is shown, never run; and only
/// <c>http</c>, <c>https</c> and <c>mailto</c> targets stay links or images (<see cref="Parse"/>).
/// </summary>
internal static class PostmortemMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    /// <summary>
    /// <paramref name="markdown"/> parsed, with every link and image whose target is not an absolute <c>http</c>,
    /// <c>https</c> or <c>mailto</c> address turned into its plain text. Titles, notes and model summaries reach
    /// postmortems, and a <c>javascript:</c> or <c>data:</c> link there would run on the bot's own origin.
    /// </summary>
    public static MarkdownDocument Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafeTarget(l.Url)).ToList())
        {
            Flatten(link);
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !IsSafeTarget(l.IsEmail ? "mailto:" + l.Url : l.Url)).ToList())
        {
            link.ReplaceBy(new LiteralInline(link.Url ?? ""));
        }

        return document;
    }

    /// <summary>The document of <see cref="Parse"/> as HTML.</summary>
    public static string ToHtml(string markdown) => Parse(markdown).ToHtml(Pipeline);

    /// <summary>Whether a link may point there: an absolute http, https or mailto address.</summary>
    public static bool IsSafeTarget(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";

    /// <summary>Puts the link's text where the link was: its label for a link or an image, its address for an autolink.</summary>
    private static void Flatten(LinkInline link)
    {
        if (link.Parent is null)
        {
            return;
        }

        Inline text = link.FirstChild is null || link.IsAutoLink
            ? new LiteralInline(link.IsAutoLink ? link.Url ?? "" : link.Label ?? "")
            : new LiteralInline(TextOf(link));
        link.ReplaceBy(text, copyChildren: false);
    }

    private static string TextOf(ContainerInline container)
    {
        var text = new System.Text.StringBuilder();
        foreach (var child in container)
        {
            text.Append(child switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                ContainerInline nested => TextOf(nested),
                _ => "",
            });
        }

        return text.ToString();
    }
}
