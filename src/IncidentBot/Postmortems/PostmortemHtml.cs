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

    /// <summary>The CSP source of the inline stylesheet (<c>sha256-…</c>), so that a policy can allow it and nothing else inline.</summary>
    public static readonly string StyleHash =
        "sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Style)));

    /// <param name="language">The page's <c>lang</c>: browsers pick Japanese glyphs for <c>ja</c>.</param>
    public static string Render(string markdown, string title, string language = "en") =>
        $"""
        <!DOCTYPE html>
        <html lang="{language}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: http:; style-src '{StyleHash}'">
        <title>{WebUtility.HtmlEncode(title)}</title>
        <style>{Style}</style>
        </head>
        <body>
        {PostmortemMarkdown.ToHtml(markdown)}
        </body>
        </html>
        """;
}
