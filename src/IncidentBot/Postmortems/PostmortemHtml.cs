using System.Net;

namespace IncidentBot.Postmortems;

/// <summary>A postmortem as one self-contained HTML page, readable on screen and on paper.</summary>
internal static class PostmortemHtml
{
    private const string Style = """
        body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
        th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; }
        blockquote { border-left: 4px solid #d0a000; margin: 0; padding: .2rem 1rem; background: #fffbe6; }
        em { color: #5a5a5a; }
        @media print {
          body { margin: 0; max-width: none; font-size: 11pt; color: #000; }
          a { color: inherit; text-decoration: none; }
          h1, h2, h3 { break-after: avoid; }
          tr, blockquote { break-inside: avoid; }
          thead { display: table-header-group; }
          th { background: none; }
        }
        """;

    public static string Render(string markdown, string title) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(title)}</title>
        <style>{Style}</style>
        </head>
        <body>
        {PostmortemMarkdown.ToHtml(markdown)}
        </body>
        </html>
        """;
}
