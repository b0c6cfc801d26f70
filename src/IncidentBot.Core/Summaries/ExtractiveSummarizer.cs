using System.Text;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Summaries;

/// <summary>
/// The built-in summarizer: no network, deterministic. It picks the sentences that carry the incident's facts
/// (what broke, impact, actions, decisions and status changes, hypotheses, questions, next steps, numbers, links)
/// and quotes them, with time and author, under the catch-up's headings. Linear in the conversation's length.
/// </summary>
public sealed class ExtractiveSummarizer : ISummarizer
{
    private static readonly Dictionary<Facet, (int Take, double Recency)> Sections = new()
    {
        // Recency weighs more where the latest word is the current one (hypotheses, questions, next steps);
        // what broke is best told by the first reports.
        [Facet.Broken] = (3, -0.5),
        [Facet.Impact] = (3, 1.5),
        [Facet.Tried] = (5, 1),
        [Facet.Decision] = (5, 1.5),
        [Facet.Hypothesis] = (3, 4),
        [Facet.Question] = (3, 4),
        [Facet.NextStep] = (4, 4),
    };

    // The sections in the order of the headings; null is the roles.
    private static readonly Facet?[] Order =
        [Facet.Broken, Facet.Impact, Facet.Tried, Facet.Decision, Facet.Hypothesis, null, Facet.Question, Facet.NextStep];

    public Task<string> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Write(request));
    }

    /// <summary>The catch-up, its headings in <paramref name="texts"/>' language (English when not given).</summary>
    public static string Write(SummaryRequest request, Language.Texts? texts = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Write(request.Incident, Conversation.From(request), texts);
    }

    public static string Write(Incident incident, IReadOnlyList<ConversationLine> lines, Language.Texts? texts = null)
    {
        var t = texts ?? Language.Texts.En;
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(lines);
        var picks = Sections.Keys.ToDictionary(f => f, _ => new List<Pick>());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var links = new Links();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            links.Collect(line);
            foreach (var (sentence, facet, score) in Facts.Of(line))
            {
                if (seen.Add(Fingerprint(sentence)))
                {
                    var recency = lines.Count > 1 ? (double)i / (lines.Count - 1) : 1;
                    picks[facet].Add(new Pick(i, line, sentence, score + (Sections[facet].Recency * recency)));
                }
            }
        }

        var text = new StringBuilder();
        var headings = t.Headings;
        for (var h = 0; h < Order.Length; h++)
        {
            text.Append(headings[h]).Append('\n');
            if (Order[h] is not { } facet)
            {
                foreach (var role in Enum.GetValues<Role>())
                {
                    text.Append("• ").Append(t.RoleTitle(role)).Append(": ")
                        .Append(incident.HolderOf(role) is { } who ? People.Display(who) : t.Unassigned).Append('\n');
                }
            }
            else
            {
                Bullets(text, picks[facet], Sections[facet].Take, t.NothingYet);
            }

            text.Append('\n');
        }

        links.Write(text, t.Links);
        return text.ToString().TrimEnd() + "\n";
    }

    private static void Bullets(StringBuilder text, List<Pick> picks, int take, string nothingYet)
    {
        if (picks.Count == 0)
        {
            text.Append("• ").Append(nothingYet).Append('\n');
            return;
        }

        var chosen = picks.OrderByDescending(p => p.Rank).ThenByDescending(p => p.Index).Take(take).OrderBy(p => p.Index);
        foreach (var pick in chosen)
        {
            text.Append("• ").Append(pick.Line.Time).Append(' ').Append(pick.Line.Author).Append(": ").Append(pick.Sentence).Append('\n');
        }
    }

    /// <summary>Letters and digits only, lower-cased: the same sentence said twice counts once.</summary>
    private static string Fingerprint(string sentence)
    {
        Span<char> kept = sentence.Length <= 512 ? stackalloc char[sentence.Length] : new char[sentence.Length];
        var length = 0;
        foreach (var c in sentence)
        {
            if (char.IsLetterOrDigit(c))
            {
                kept[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(kept[..length]);
    }

    private sealed record Pick(int Index, ConversationLine Line, string Sentence, double Rank);
}
