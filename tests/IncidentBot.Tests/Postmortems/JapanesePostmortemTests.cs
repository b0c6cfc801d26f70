using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using IncidentBot.Incidents;
using IncidentBot.Timeline;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace IncidentBot.Postmortems;

public sealed class JapanesePostmortemTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 31, 9, 0, 0, TimeSpan.Zero);

    private static PostmortemDraft Draft(string language = "ja", Dictionary<string, string>? templates = null, string? templatesPath = null)
    {
        var (incident, declared) = Incident.Declare(1, new Declaration("決済APIで502エラーが多発", Severity.Sev2), "tanaka", RichIncident.Declared);
        var timeline = new List<TimelineEntry> { declared };
        timeline.AddRange(incident.AssignRole(Role.Commander, "tanaka", "tanaka", RichIncident.Declared.AddMinutes(2)).Entries);
        timeline.Add(incident.Record(TimelineKind.Note, "佐藤さんのミスが原因です。DBコネクションプールが枯渇しています。", "takahashi", RichIncident.Declared.AddMinutes(5)));
        timeline.Add(incident.Record(TimelineKind.StatusUpdate, "一部のお客様でカード決済が失敗しています。", "yamamoto", RichIncident.Declared.AddMinutes(6)));
        timeline.AddRange(incident.Resolve("v41へロールバックしました", "tanaka", RichIncident.Declared.AddMinutes(30)).Entries);
        return Renderers.Create("Asia/Tokyo", templatesPath, templates, language).Render(incident, timeline, [], Now);
    }

    [Fact]
    public void AJapaneseBotDraftsFromTheJapaneseTemplate()
    {
        var draft = Draft();

        Assert.Equal("ja/postmortem.md.hbs", draft.Template);
        Assert.StartsWith("# ポストモーテム: INC-1 決済APIで502エラーが多発", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("## 概要\n\nINC-1「決済APIで502エラーが多発」は SEV2 のインシデントでした。影響は 2025-03-30 00:50:00 UTC (2025-03-30 09:50:00 +09:00) に始まり、", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("解決しました (解決時のコメント: v41へロールバックしました)。", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("| インシデントコマンダー | @tanaka |", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("| UTC | Asia/Tokyo | 誰が | 出来事 | 内容 |", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("「佐藤さんのミスが原因です。」 — _佐藤さんのミス_: 人を原因として名指ししています。", draft.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEnglishBotKeepsTheEnglishTemplate()
    {
        var draft = Draft("en");

        Assert.Equal("postmortem.md.hbs", draft.Template);
        Assert.StartsWith("# Postmortem: INC-1 決済APIで502エラーが多発", draft.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ASeverityWithItsOwnTemplateKeepsItOnAJapaneseBot()
    {
        var folder = Renderers.TemplatesFolder();
        File.WriteAllText(Path.Combine(folder, "sev2.md.hbs"), "# SEV2 {{incident.key}}\n");

        var draft = Draft("ja", new Dictionary<string, string> { ["SEV2"] = "sev2.md.hbs" }, folder);

        Assert.Equal("sev2.md.hbs", draft.Template);
        Assert.Equal("# SEV2 INC-1\n", draft.Markdown);
    }

    [Fact]
    public void TheJapaneseDraftRendersAsHtmlWithItsLanguage()
    {
        var draft = Draft();

        var document = new HtmlParser().ParseDocument(PostmortemHtml.Render(draft.Markdown, draft.Title, draft.Language));

        Assert.Equal("ja", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ポストモーテム: INC-1 決済APIで502エラーが多発", document.QuerySelector("h1")!.TextContent);
        Assert.Contains(document.QuerySelectorAll("h2"), h => h.TextContent == "タイムライン");
    }

    [Fact]
    public void TheJapaneseDocxOpensWithTheJapaneseIntact()
    {
        var draft = Draft();

        using var stream = new MemoryStream(PostmortemDocx.Render(draft.Markdown, draft.Title));
        using var document = WordprocessingDocument.Open(stream, isEditable: false);

        var body = document.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<W.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(p => p.InnerText).ToList();
        Assert.Equal("ポストモーテム: INC-1 決済APIで502エラーが多発", headings[0]);
        Assert.Contains("アクションアイテム", headings);
        Assert.Contains("一部のお客様でカード決済が失敗しています。", body.InnerText, StringComparison.Ordinal);
        Assert.Equal("INC-1: 決済APIで502エラーが多発 — Postmortem", document.PackageProperties.Title);
        var fonts = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!;
        Assert.Equal("Yu Gothic", fonts.EastAsia!.Value);
    }
}
