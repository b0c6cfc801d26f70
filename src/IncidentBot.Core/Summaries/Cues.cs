using System.Collections.Frozen;

namespace IncidentBot.Summaries;

/// <summary>
/// The words and phrases by which responders say what broke, what it hits, what they tried, decided, suspect, ask
/// and will do next, in English and in Japanese (<see cref="JapaneseCues"/>), one room often mixing both. A sentence
/// goes to the facet its cues weigh most for.
/// </summary>
public static class Cues
{
    private static readonly FrozenDictionary<string, (Facet Facet, int Weight)[]> Words = BuildWords();

    // On equal weight the more telling facet wins: a decision over an action, a hypothesis over a symptom.
    private static readonly Facet[] Priority =
        [Facet.Decision, Facet.Hypothesis, Facet.Tried, Facet.Question, Facet.NextStep, Facet.Impact, Facet.Broken];

    private static readonly (string Phrase, Facet Facet, int Weight)[] Phrases =
    [
        ("rolled back", Facet.Tried, 3), ("failed over", Facet.Tried, 3), ("turned off", Facet.Tried, 2),
        ("turned on", Facet.Tried, 2), ("we tried", Facet.Tried, 2), ("tried to", Facet.Tried, 2),
        ("didn't help", Facet.Tried, 3), ("did not help", Facet.Tried, 3), ("no change", Facet.Tried, 1),
        ("no effect", Facet.Tried, 2), ("that helped", Facet.Tried, 2),
        ("let's", Facet.Decision, 3), ("lets ", Facet.Decision, 2), ("go ahead", Facet.Decision, 3),
        ("going with", Facet.Decision, 3), ("go with", Facet.Decision, 2), ("decided to", Facet.Decision, 3),
        ("calling it", Facet.Decision, 2), ("i'm calling", Facet.Decision, 3), ("roll back", Facet.Decision, 2),
        ("rolling back", Facet.Decision, 3), ("we will", Facet.Decision, 1), ("we'll", Facet.Decision, 1),
        ("root cause", Facet.Hypothesis, 3), ("caused by", Facet.Hypothesis, 3), ("i think", Facet.Hypothesis, 3),
        ("we think", Facet.Hypothesis, 3), ("looks like", Facet.Hypothesis, 3), ("because of", Facet.Hypothesis, 2),
        ("due to", Facet.Hypothesis, 2), ("might be", Facet.Hypothesis, 2), ("could be", Facet.Hypothesis, 2),
        ("smells like", Facet.Hypothesis, 3), ("my guess", Facet.Hypothesis, 3), ("points to", Facet.Hypothesis, 2),
        ("pointing to", Facet.Hypothesis, 2), ("my bet", Facet.Hypothesis, 3),
        ("need to", Facet.NextStep, 2), ("needs to", Facet.NextStep, 2), ("i'll", Facet.NextStep, 2),
        ("we'll", Facet.NextStep, 2), ("will ", Facet.NextStep, 1), ("going to", Facet.NextStep, 2),
        ("next step", Facet.NextStep, 3), ("action item", Facet.NextStep, 3), ("after that", Facet.NextStep, 2),
        ("waiting for", Facet.NextStep, 2), ("keep an eye", Facet.NextStep, 2), ("should ", Facet.NextStep, 1),
        ("open question", Facet.Question, 3), ("not sure", Facet.Question, 2), ("no idea", Facet.Question, 2),
        ("don't know", Facet.Question, 2), ("do we know", Facet.Question, 3), ("anyone know", Facet.Question, 3),
        ("error rate", Facet.Impact, 3), ("success rate", Facet.Impact, 3), ("status page", Facet.Impact, 1),
    ];

    /// <summary>
    /// The facet <paramref name="lower"/> (a lower-cased sentence, full-width forms folded) is about, and how strongly.
    /// A Japanese sentence that blames a person is no fact of the incident and is about nothing.
    /// </summary>
    public static (Facet Facet, int Score) Classify(string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        var japanese = Japanese.In(lower);
        if (japanese && Postmortems.BlamelessCheck.BlamesInJapanese(lower))
        {
            return (Facet.None, 0);
        }

        Span<int> scores = stackalloc int[8];
        var words = 0;
        var lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in lower.AsSpan().Split(' '))
        {
            var word = lower.AsSpan(range).Trim(".,;:!?()[]{}\"*_`~");
            if (word.IsEmpty)
            {
                continue;
            }

            // Unspaced Japanese: about three letters a word.
            words += Math.Max(1, Japanese.Count(word) / 3);
            if (IsServiceName(word))
            {
                scores[(int)Facet.Broken] += 1;
            }

            if (lookup.TryGetValue(word, out var cues))
            {
                foreach (var (facet, weight) in cues)
                {
                    scores[(int)facet] += weight;
                }
            }
        }

        if (words < 3)
        {
            return (Facet.None, 0);
        }

        foreach (var (phrase, facet, weight) in Phrases)
        {
            if (lower.Contains(phrase, StringComparison.Ordinal))
            {
                scores[(int)facet] += weight;
            }
        }

        if (japanese)
        {
            JapaneseCues.Score(lower, scores);
        }

        if (lower.Contains('%', StringComparison.Ordinal))
        {
            scores[(int)Facet.Impact] += 2;
        }

        if (lower.TrimEnd().EndsWith('?'))
        {
            scores[(int)Facet.Question] += 4;
        }

        var best = Facet.None;
        foreach (var facet in Priority)
        {
            if (scores[(int)facet] > scores[(int)best])
            {
                best = facet;
            }
        }

        return (best, scores[(int)best]);
    }

    /// <summary><c>payments-api</c>, <c>checkout-service</c>: naming the thing that broke.</summary>
    private static bool IsServiceName(ReadOnlySpan<char> word)
    {
        var dash = word.LastIndexOf('-');
        if (dash <= 0)
        {
            return false;
        }

        var suffix = word[(dash + 1)..];
        return suffix is "api" or "service" or "svc" or "db" or "worker" or "gateway" or "queue" or "cluster" or "server" or "proxy";
    }

    private static FrozenDictionary<string, (Facet, int)[]> BuildWords()
    {
        var words = new Dictionary<string, List<(Facet, int)>>(StringComparer.Ordinal);
        Add(Facet.Broken, 2, "down", "outage", "failing", "broken", "crash", "crashing", "crashed", "crashloop", "crashloopbackoff",
            "oom", "oomkilled", "500s", "502", "502s", "503", "503s", "504", "504s", "5xx", "timeouts", "timing", "unavailable",
            "unreachable", "degraded", "erroring", "errors", "exception", "exceptions", "panic", "panics", "deadlock", "saturated",
            "exhausted", "leak", "backlog", "stuck", "hanging", "refused", "rejected", "latency", "slow", "spiking", "failures");
        Add(Facet.Broken, 1, "returning", "returns");
        Add(Facet.Broken, 1, "error", "failed", "fails", "fail", "spike", "alert", "firing", "p99", "p95", "elevated");
        Add(Facet.Impact, 2, "customers", "customer", "users", "impact", "impacted", "affected", "affecting", "revenue", "checkout",
            "checkouts", "orders", "signups", "logins", "sla", "slo", "tickets", "merchants", "complaints", "percent");
        Add(Facet.Impact, 1, "requests", "traffic", "region", "regions", "eu", "us", "mobile", "android", "ios", "everyone", "nobody", "payments");
        Add(Facet.Tried, 2, "restarted", "reverted", "scaled", "redeployed", "rebooted", "flushed", "purged", "drained", "cordoned",
            "bumped", "increased", "decreased", "disabled", "enabled", "tried", "patched", "killed", "recycled", "toggled", "reran",
            "cleared", "raised", "lowered", "failed-over", "rollback", "restart");
        Add(Facet.Tried, 1, "revert", "deployed", "complete", "completed", "finished", "fix", "applied", "mitigated", "mitigation", "hotfix", "switched");
        Add(Facet.Decision, 2, "recovering", "recovered", "dropping", "stable", "stabilised", "stabilized", "decided", "decision", "agreed", "approve", "approved", "escalating", "escalate", "declaring");
        Add(Facet.Hypothesis, 2, "hypothesis", "suspect", "suspicion", "suspected", "probably", "likely", "culprit", "theory",
            "correlates", "correlated", "coincides", "maybe", "perhaps", "seems", "cause");
        Add(Facet.NextStep, 2, "next", "todo", "plan", "eta", "afterwards", "follow-up", "followup", "monitor", "monitoring");
        Add(Facet.Question, 2, "unknown", "unclear", "tbd");
        return words.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

        void Add(Facet facet, int weight, params string[] cues)
        {
            foreach (var cue in cues)
            {
                if (!words.TryGetValue(cue, out var list))
                {
                    words[cue] = list = [];
                }

                list.Add((facet, weight));
            }
        }
    }
}
