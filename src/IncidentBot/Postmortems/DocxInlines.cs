using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Markdig.Syntax.Inlines;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace IncidentBot.Postmortems;

/// <summary>Markdown inlines as Word runs: emphasis, strikethrough, code, links (real hyperlinks when absolute) and line breaks.</summary>
internal sealed class DocxInlines(MainDocumentPart main)
{
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);

    public W.Paragraph Paragraph(ContainerInline? inline, string? style)
    {
        var properties = new W.ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new W.ParagraphStyleId { Val = style });
        }

        var paragraph = new W.Paragraph(properties);
        if (inline is not null)
        {
            Append(paragraph, inline, default);
        }

        return paragraph;
    }

    public static W.Run TextRun(string text, Format format = default)
    {
        var run = new W.Run();
        if (format != default)
        {
            var properties = new W.RunProperties();
            if (format.Code)
            {
                properties.Append(new W.RunStyle { Val = "CodeChar" });
            }

            if (format.Link)
            {
                properties.Append(new W.RunStyle { Val = "Hyperlink" });
            }

            if (format.Bold)
            {
                properties.Append(new W.Bold());
            }

            if (format.Italic)
            {
                properties.Append(new W.Italic());
            }

            if (format.Strike)
            {
                properties.Append(new W.Strike());
            }

            run.Append(properties);
        }

        run.Append(new W.Text(XmlText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private void Append(OpenXmlElement target, ContainerInline container, Format format)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    target.Append(TextRun(literal.Content.ToString(), format));
                    break;
                case CodeInline code:
                    target.Append(TextRun(code.Content, format with { Code = true }));
                    break;
                case LineBreakInline lineBreak:
                    target.Append(lineBreak.IsHard ? new W.Run(new W.Break()) : TextRun(" ", format));
                    break;
                case HtmlEntityInline entity:
                    target.Append(TextRun(entity.Transcoded.ToString(), format));
                    break;
                case AutolinkInline autolink:
                    target.Append(Link(autolink.Url, [TextRun(autolink.Url, format with { Link = true })]));
                    break;
                case LinkInline link:
                    var inner = new W.Paragraph();
                    Append(inner, link, format with { Link = !link.IsImage });
                    target.Append(link.IsImage ? inner.Elements<W.Run>().Select(r => r.CloneNode(true)) : Link(link.Url, inner.Elements<W.Run>()));
                    break;
                case EmphasisInline emphasis:
                    Append(target, emphasis, emphasis.DelimiterChar == '~'
                        ? format with { Strike = true }
                        : emphasis.DelimiterCount >= 2 ? format with { Bold = true } : format with { Italic = true });
                    break;
                case ContainerInline nested:
                    Append(target, nested, format);
                    break;
                default:
                    target.Append(TextRun(inline.ToString() ?? "", format));
                    break;
            }
        }
    }

    /// <summary>A hyperlink around <paramref name="runs"/>; just the runs when the address is not absolute (a file path, an anchor).</summary>
    private List<OpenXmlElement> Link(string? url, IEnumerable<W.Run> runs)
    {
        var copies = runs.Select(r => (W.Run)r.CloneNode(true)).ToList();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto"))
        {
            return [.. copies];
        }

        if (!_links.TryGetValue(uri.AbsoluteUri, out var id))
        {
            id = main.AddHyperlinkRelationship(uri, isExternal: true).Id;
            _links[uri.AbsoluteUri] = id;
        }

        return [new W.Hyperlink(copies) { Id = id }];
    }

    /// <summary>How a run looks.</summary>
    public readonly record struct Format(bool Bold, bool Italic, bool Strike, bool Code, bool Link);
}
