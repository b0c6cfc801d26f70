using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using IncidentBot.Postmortems;
using IncidentBot.Support;

namespace IncidentBot.Security;

/// <summary>Titles, notes and summaries reach the postmortem; only http, https and mailto targets may become links there.</summary>
public sealed class ScriptLinkTests : IDisposable
{
    public static readonly string[] Plants =
    [
        "[x](javascript:alert(1))",
        "<javascript:alert(2)>",
        "[mixed](JaVaScRiPt:alert(3))",
        "[entity](java&#115;cript:alert(4))",
        "[colon](javascript&colon;alert(5))",
        "![i](javascript:alert(6))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==)",
        "[vb](vbscript:msgbox(8))",
        "[spaced]( javascript:alert(9) )",
        "[file](file:///etc/passwd)",
    ];

    private readonly BotApp _app = new();
    private readonly HttpClient _client;

    public ScriptLinkTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ScriptLinksInTitlesAndNotesArePlainTextInThePostmortemHtmlServedAndExported()
    {
        var number = await _client.DeclareAsync("Checkout down [x](javascript:alert(0)) [ok](https://status.example.com/)");
        foreach (var plant in Plants)
        {
            var (noted, body) = await _client.CommandAsync(number, "note " + plant);
            Assert.True(noted.IsSuccessStatusCode, body?.ToJsonString());
        }

        await _client.CommandAsync(number, "note see [the runbook](https://runbooks.example.com/checkout) or <mailto:oncall@example.com>");
        Assert.Equal(HttpStatusCode.OK, (await _client.CommandAsync(number, "resolve")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.CommandAsync(number, "postmortem")).Response.StatusCode);

        var served = await _client.GetStringAsync(new Uri($"/api/incidents/{number}/postmortem?format=html", UriKind.Relative));
        var exported = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(_app.Folder, "postmortems"), "*.html").Single());
        foreach (var html in new[] { served, exported })
        {
            var document = new HtmlParser().ParseDocument(html);
            var targets = document.QuerySelectorAll("a[href], img[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).ToList();
            Assert.All(targets, t => Assert.True(PostmortemMarkdown.IsSafeTarget(t), $"unsafe target {t}"));
            Assert.Contains("https://runbooks.example.com/checkout", targets);
            Assert.Contains("https://status.example.com/", targets);
            Assert.Contains("mailto:oncall@example.com", targets);
            var attributes = document.All.SelectMany(e => e.Attributes).Select(a => a.Value).ToList();
            Assert.DoesNotContain(attributes, a => a.Contains("script:", StringComparison.OrdinalIgnoreCase) || a.Contains("data:", StringComparison.OrdinalIgnoreCase));
            Assert.Contains("Checkout down x ok", document.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ScriptLinksArePlainTextInTheConfluencePage()
    {
        var storage = ConfluenceStorage.Render("# T\n\n" + string.Join("\n\n", Plants) + "\n\n[fine](https://example.com/a)\n");

        var root = XElement.Parse($"<root>{storage}</root>");

        var targets = root.Descendants("a").Select(a => (string?)a.Attribute("href")).Concat(root.Descendants("img").Select(i => (string?)i.Attribute("src"))).ToList();
        Assert.Equal(["https://example.com/a"], targets);
        Assert.Contains("x", root.Value, StringComparison.Ordinal);
    }
}
