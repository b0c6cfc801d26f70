using System.Xml.Linq;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace IncidentBot.Postmortems;

public sealed class PostmortemFormatTests
{
    private static readonly RichIncident Rich = new();
    private static readonly PostmortemDraft Draft = Renderers.Create().Render(Rich.Incident, Rich.Timeline, Rich.ActionItems, RichIncident.Declared);

    [Fact]
    public void TheDocxOpensWithItsHeadingsAndTheTimelineTable()
    {
        using var stream = new MemoryStream(PostmortemDocx.Render(Draft.Markdown, Draft.Title));
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;

        var headings = body.Elements<W.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(p => (Style: p.ParagraphProperties!.ParagraphStyleId!.Val!.Value!, p.InnerText))
            .ToList();
        Assert.Equal(("Heading1", "Postmortem: INC-42 Payments API down"), headings[0]);
        Assert.Contains(("Heading2", "Timeline"), headings);
        Assert.Contains(("Heading2", "Action items"), headings);
        Assert.Contains(("Heading2", "Blameless language check"), headings);
        Assert.Equal("INC-42: Payments API down — Postmortem", document.PackageProperties.Title);

        var timeline = body.Elements<W.Table>().Single(t => t.Elements<W.TableRow>().First().InnerText.StartsWith("UTCEurope/BerlinWho", StringComparison.Ordinal));
        var rows = timeline.Elements<W.TableRow>().ToList();
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<W.TableHeader>());
        Assert.Equal(Rich.Timeline.Count + 1, rows.Count);
        Assert.Equal(
            ["2025-03-30 00:58:00", "2025-03-30 01:58:00 +01:00", "@carol", "note", "Error rate at 30% since the 00:40 deploy of payments v42 | canary skipped"],
            rows[6].Elements<W.TableCell>().Select(c => c.InnerText));
        var actions = body.Elements<W.Table>().Single(t => t.Elements<W.TableRow>().First().InnerText == "#ActionKindOwnerDueState");
        Assert.Equal(Rich.ActionItems.Count + 1, actions.Elements<W.TableRow>().Count());
    }

    [Fact]
    public void TheDocxIsValidOpenXml()
    {
        using var stream = new MemoryStream(PostmortemDocx.Render(Draft.Markdown + "\n\n1. first [link](https://example.com/x)\n2. `code` ~~gone~~\n\n---\n\n    indented code\n", Draft.Title));
        using var document = WordprocessingDocument.Open(stream, isEditable: false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join('\n', errors));
        Assert.Single(document.MainDocumentPart!.HyperlinkRelationships, r => r.Uri == new Uri("https://example.com/x"));
    }

    [Fact]
    public void TheHtmlParsesWithoutErrorsAndCarriesAPrintStylesheet()
    {
        var html = PostmortemHtml.Render(Draft.Markdown, Draft.Title);
        var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = false });
        var errors = new List<string>();
        parser.Error += (_, e) => errors.Add(e.ToString() ?? "");

        var document = parser.ParseDocument(html);

        Assert.Empty(errors);
        Assert.Equal(Draft.Title, document.Title);
        Assert.Contains("@media print", document.QuerySelector("head style")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("script, link, img"));
        Assert.Contains("Timeline", document.QuerySelectorAll("h2").Select(h => h.TextContent));
        var timeline = document.QuerySelectorAll("table").Single(t => t.QuerySelector("th")!.TextContent == "UTC" && t.QuerySelectorAll("th")[2].TextContent == "Who");
        Assert.Equal(Rich.Timeline.Count, timeline.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public void TextPeopleTypedIsShownInTheHtmlAndNeverRun()
    {
        var html = PostmortemHtml.Render("# T\n\nnote: <script>alert(1)</script> <img src=x onerror=alert(2)>\n", "T");

        var document = new HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("script, img"));
        Assert.Contains("<script>alert(1)</script>", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMarkdownRoundTripsThroughMarkdig()
    {
        var document = Markdown.Parse(Draft.Markdown, PostmortemMarkdown.Pipeline);

        var tables = document.Descendants<Table>().ToList();
        var timeline = tables.Single(t => Cells((TableRow)t[0]) is [_, "Europe/Berlin", "Who", ..]);
        var rows = timeline.OfType<TableRow>().Skip(1).Select(Cells).ToList();
        Assert.Equal(Rich.Timeline.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal(5, row.Count));
        // A posted catch-up shows as one line: its heading and state line.
        Assert.Equal(
            Rich.Timeline.Select(e => e.Kind == Timeline.TimelineKind.SummaryPosted ? string.Join(" · ", e.Text.Split('\n').Take(2)) : e.Text.ReplaceLineEndings(" ")),
            rows.Select(r => r[4]));
        Assert.Equal(Rich.Timeline.Select(e => e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r[0]));
        var headings = document.Descendants<HeadingBlock>().Select(h => h.Inline!.FirstChild!.ToString()).ToList();
        Assert.Contains("Blameless language check", headings);
    }

    [Fact]
    public void TheConfluenceStorageFormatIsWellFormedXhtml()
    {
        var storage = ConfluenceStorage.Render(Draft.Markdown + "\n\nline one  \nline two\n\n---\n\ncontrol \u0001 character\n");

        var root = XElement.Parse($"<root>{storage}</root>");

        Assert.Contains(root.Descendants("h2"), h => h.Value == "Timeline");
        Assert.Equal(Rich.Timeline.Count + 1, root.Descendants("table").First(t => t.Descendants("th").Skip(1).First().Value == "Europe/Berlin").Descendants("tr").Count());
        Assert.NotEmpty(root.Descendants("br"));
        Assert.DoesNotContain('\u0001', storage);
    }

    private static List<string> Cells(TableRow row) =>
        row.OfType<TableCell>().Select(c => string.Concat(c.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()))).ToList();
}
