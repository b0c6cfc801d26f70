using System.Text;
using System.Text.Encodings.Web;

namespace IncidentBot.Dashboard;

/// <summary>A small HTML writer: every text goes through the encoder, so nothing a responder typed becomes markup.</summary>
internal sealed class Html
{
    private readonly StringBuilder _html = new();

    public Html Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public Html Text(string? text)
    {
        _html.Append(HtmlEncoder.Default.Encode(text ?? ""));
        return this;
    }

    /// <summary>An element with encoded text content: <c>&lt;td class="x"&gt;text&lt;/td&gt;</c>.</summary>
    public Html Element(string tag, string? text, string? cssClass = null)
    {
        _html.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _html.Append(" class=\"").Append(HtmlEncoder.Default.Encode(cssClass)).Append('"');
        }

        _html.Append('>');
        Text(text);
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    public static string Attribute(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public override string ToString() => _html.ToString();
}
