using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace IncidentBot.Postmortems;

/// <summary>
/// A postmortem as a Word document, built from the Markdown's syntax tree: headings become Word headings (so the
/// navigation pane and a table of contents work), pipe tables become Word tables with a repeating header row.
/// </summary>
internal static class PostmortemDocx
{
    public static byte[] Render(string markdown, string title)
    {
        var document = PostmortemMarkdown.Parse(markdown);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = XmlText.Clean(title);
            package.PackageProperties.Creator = "IncidentBot";
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyles.Create();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = DocxStyles.Numbering();
            var body = new W.Body();
            var writer = new DocxInlines(main);
            foreach (var block in document)
            {
                Block(body, block, writer, listLevel: -1, style: null);
            }

            body.Append(new W.SectionProperties(
                new W.PageSize { Width = 11906U, Height = 16838U },
                new W.PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 709U, Footer = 709U }));
            main.Document = new W.Document(body);
        }

        return stream.ToArray();
    }

    private static void Block(OpenXmlElement parent, Block block, DocxInlines inlines, int listLevel, string? style)
    {
        switch (block)
        {
            case HeadingBlock heading:
                parent.Append(inlines.Paragraph(heading.Inline, $"Heading{Math.Clamp(heading.Level, 1, 6)}"));
                break;
            case ParagraphBlock paragraph:
                parent.Append(inlines.Paragraph(paragraph.Inline, style));
                break;
            case Table table:
                parent.Append(Table(table, inlines));
                parent.Append(new W.Paragraph());
                break;
            case ListBlock list:
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    ListItem(parent, item, inlines, listLevel + 1, list.IsOrdered);
                }

                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    Block(parent, child, inlines, listLevel, "Quote");
                }

                break;
            case ThematicBreakBlock:
                parent.Append(new W.Paragraph(new W.ParagraphProperties(new W.ParagraphBorders(
                    new W.BottomBorder { Val = W.BorderValues.Single, Size = 6U, Space = 1U, Color = "999999" }))));
                break;
            case LeafBlock leaf when leaf is CodeBlock or HtmlBlock:
                foreach (var line in leaf.Lines.Lines.Take(leaf.Lines.Count))
                {
                    parent.Append(new W.Paragraph(new W.ParagraphProperties(new W.ParagraphStyleId { Val = "Code" }), DocxInlines.TextRun(line.ToString())));
                }

                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Block(parent, child, inlines, listLevel, style);
                }

                break;
        }
    }

    private static void ListItem(OpenXmlElement parent, ListItemBlock item, DocxInlines inlines, int level, bool ordered)
    {
        var first = true;
        foreach (var child in item)
        {
            if (first && child is ParagraphBlock paragraph)
            {
                var numbered = inlines.Paragraph(paragraph.Inline, "ListParagraph");
                numbered.ParagraphProperties!.Append(new W.NumberingProperties(
                    new W.NumberingLevelReference { Val = Math.Min(level, 8) },
                    new W.NumberingId { Val = ordered ? DocxStyles.DecimalList : DocxStyles.BulletList }));
                parent.Append(numbered);
            }
            else
            {
                Block(parent, child, inlines, level, "ListParagraph");
            }

            first = false;
        }
    }

    private static W.Table Table(Table table, DocxInlines inlines)
    {
        var word = new W.Table(new W.TableProperties(
            new W.TableStyle { Val = "PostmortemTable" },
            new W.TableWidth { Type = W.TableWidthUnitValues.Pct, Width = "5000" },
            new W.TableLook { Val = "04A0" }));
        var columns = table.OfType<TableRow>().Select(r => r.Count).DefaultIfEmpty(1).Max();
        word.Append(new W.TableGrid(Enumerable.Range(0, columns).Select(_ => new W.GridColumn())));
        foreach (var row in table.OfType<TableRow>())
        {
            var wordRow = new W.TableRow();
            if (row.IsHeader)
            {
                wordRow.Append(new W.TableRowProperties(new W.TableHeader()));
            }

            foreach (var cell in row.OfType<TableCell>())
            {
                var wordCell = new W.TableCell();
                foreach (var block in cell)
                {
                    if (block is ParagraphBlock paragraph)
                    {
                        var p = inlines.Paragraph(paragraph.Inline, "TableText");
                        if (row.IsHeader)
                        {
                            foreach (var run in p.Descendants<W.Run>())
                            {
                                (run.RunProperties ??= new W.RunProperties()).Bold = new W.Bold();
                            }
                        }

                        wordCell.Append(p);
                    }
                }

                // A Word cell must end with a paragraph, even when the Markdown cell is empty.
                if (!wordCell.Elements<W.Paragraph>().Any())
                {
                    wordCell.Append(new W.Paragraph(new W.ParagraphProperties(new W.ParagraphStyleId { Val = "TableText" })));
                }

                wordRow.Append(wordCell);
            }

            word.Append(wordRow);
        }

        return word;
    }
}
