using System.Text;
using System.Text.RegularExpressions;

namespace IncidentBot.Summaries;

/// <summary>The links said in a conversation (dashboards, runbooks, pull requests): the latest few, each once.</summary>
internal sealed partial class Links
{
    private const int Take = 5;
    private readonly Dictionary<string, (int Order, ConversationLine Line)> _latest = new(StringComparer.Ordinal);
    private int _order;

    public void Collect(ConversationLine line)
    {
        if (!line.Text.Contains("://", StringComparison.Ordinal))
        {
            return;
        }

        foreach (Match match in Url().Matches(line.Text))
        {
            var url = match.Value.TrimEnd('.', ',', ')', ';', ':', '>');
            _latest[url] = (_order++, line);
        }
    }

    public void Write(StringBuilder text, string heading = "Links")
    {
        if (_latest.Count == 0)
        {
            return;
        }

        text.Append(heading).Append('\n');
        foreach (var (url, (_, line)) in _latest.OrderByDescending(l => l.Value.Order).Take(Take).OrderBy(l => l.Value.Order))
        {
            text.Append("• ").Append(url).Append(" (").Append(line.Author).Append(' ').Append(line.Time).Append(")\n");
        }
    }

    [GeneratedRegex(@"https?://[^\s<>|""]{3,300}", RegexOptions.None, 250)]
    private static partial Regex Url();
}
