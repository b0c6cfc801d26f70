using IncidentBot.Timeline;

namespace IncidentBot.Summaries;

/// <summary>The sentences of one conversation line that carry a fact, each with its facet and weight.</summary>
internal static class Facts
{
    /// <summary>The least weight a chat sentence needs to be quoted.</summary>
    public const int Threshold = 2;

    public static IEnumerable<(string Sentence, Facet Facet, double Score)> Of(ConversationLine line)
    {
        switch (line.Kind)
        {
            case TimelineKind.Declared:
                return [(line.OneLine, Facet.Broken, 10)];
            case TimelineKind.AlertFired:
                return [(line.OneLine, Facet.Broken, 5)];
            case TimelineKind.StatusChanged or TimelineKind.SeverityChanged or TimelineKind.Resolved or TimelineKind.Reopened
                or TimelineKind.AlertResolved:
                return [(line.OneLine, Facet.Decision, 6)];
            case TimelineKind.ActionAdded:
                return [(line.OneLine, Facet.NextStep, 6)];
            case TimelineKind.StatusUpdate:
                return [(line.OneLine, Facet.Impact, 5)];
            case TimelineKind.Note or TimelineKind.PinnedMessage:
                // Someone chose to record these: kept even without a cue, as decisions and status.
                return Classified(line.Text, bonus: 2, fallback: Facet.Decision);
            case null:
                return Classified(line.Text, bonus: 0, fallback: Facet.None);
            default:
                return [];
        }
    }

    private static IEnumerable<(string, Facet, double)> Classified(string text, int bonus, Facet fallback)
    {
        foreach (var sentence in Sentences.Of(text))
        {
            var lower = Japanese.Fold(sentence).ToLowerInvariant();
            var (facet, score) = Cues.Classify(lower);
            if (facet == Facet.None || score < Threshold)
            {
                if (fallback == Facet.None)
                {
                    continue;
                }

                facet = fallback;
            }

            var facts = (lower.Any(char.IsAsciiDigit) ? 1 : 0) + (lower.Contains("://", StringComparison.Ordinal) ? 1 : 0);
            yield return (sentence, facet, score + bonus + facts);
        }
    }
}
