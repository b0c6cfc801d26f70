
namespace IncidentBot.Postmortems;

/// <summary>
/// A postmortem in Confluence's storage format: XHTML. Markdig already writes void elements as <c>&lt;br /&gt;</c>;
/// what remains is to keep only characters XML allows.
/// </summary>
internal static class ConfluenceStorage
{
    public static string Render(string markdown) => XmlText.Clean(PostmortemMarkdown.ToHtml(markdown));
}
