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
    private static readonly Dictionary<Facet, (string Heading, int Take, double Recency)> Sections = new()
    {
        // Recency weighs more where the latest word is the current one (hypotheses, questions, next steps);
        // what broke is best told by the first reports.
        [Facet.Broken] = (Headings.Broken, 3, -0.5),
        [Facet.Impact] = (Headings.Impact, 3, 1.5),
        [Facet.Tried] = (Headings.Tried, 5, 1),
        [Facet.Decision] = (Headings.Decisions, 5, 1.5),
        [Facet.Hypothesis] = (Headings.Hypothesis, 3, 4),
        [Facet.Question] = (Headings.Questions, 3, 4),
        [Facet.NextStep] = (Headings.NextSteps, 4, 4),
    };

    public Task<string> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Write(request));
    }

    public static string Write(SummaryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Write(request.Incident, Conversation.From(request));
    }

    public static string Write(Incident incident, IReadOnlyList<ConversationLine> lines)
    {
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
        foreach (var heading in Headings.All)
        {
            text.Append(heading).Append('\n');
            if (heading == Headings.Roles)
            {
                foreach (var role in Enum.GetValues<Role>())
                {
                    text.Append("• ").Append(role.Title()).Append(": ")
                        .Append(incident.HolderOf(role) is { } who ? People.Display(who) : "unassigned").Append('\n');
                }
            }
            else
            {
                var (facet, (_, take, _)) = Sections.First(s => s.Value.Heading == heading);
                Bullets(text, picks[facet], take);
            }

            text.Append('\n');
        }

        links.Write(text);
        return text.ToString().TrimEnd() + "\n";
    }

    private static void Bullets(StringBuilder text, List<Pick> picks, int take)
    {
        if (picks.Count == 0)
        {
            text.Append("• nothing yet\n");
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
