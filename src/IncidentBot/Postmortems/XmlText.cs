using System.Text;

namespace IncidentBot.Postmortems;

/// <summary>Text for XML documents (DOCX, Confluence): XML 1.0 forbids most control characters, so they are dropped.</summary>
internal static class XmlText
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(c => !Allowed(c)))
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        foreach (var c in text.Where(Allowed))
        {
            kept.Append(c);
        }

        return kept.ToString();
    }

    // Surrogate halves are allowed here: a pair forms a valid character, and XmlWriter rejects a lone half loudly.
    private static bool Allowed(char c) => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF');
}
