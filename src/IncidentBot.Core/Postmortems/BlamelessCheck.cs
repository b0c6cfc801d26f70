using System.Text.RegularExpressions;

namespace IncidentBot.Postmortems;

/// <summary>
/// Flags blaming language: fault and negligence words, hindsight ("should have"), "human error", and sentences that
/// name a person as the cause, in English and in Japanese. The reason is given in the sentence's language. A flag is
/// advice for the people editing the draft; nothing is rewritten.
/// </summary>
public static partial class BlamelessCheck
{
    private const string Hindsight = "hindsight: describes what someone should have done instead of what the system allowed";

    // The verbs that turn "<person> <verb>" into "a person caused it".
    private const string CauseVerbs =
        "broke|caused|forgot|missed|messed up|screwed up|ignored|neglected|overlooked|failed to|didn't|did not|" +
        "deleted|dropped|pushed a bad|shipped a bad|fat-fingered|botched|should have";

    private const string NamedPerson = "names a person as the cause; describe what happened and what allowed it";

    private static readonly (Regex Pattern, string Reason, string JapaneseReason)[] Rules =
    [
        (FaultPattern(), "assigns fault", "個人の過失としています"),
        (HumanErrorPattern(), "names human error as a cause; ask what made the error possible",
            "ヒューマンエラーを原因にしています。何がそのエラーを起こりうるものにしたのかを書いてください"),
        (HindsightPattern(), Hindsight, "後知恵です。誰かがすべきだったことではなく、システムが何を許したのかを書いてください"),
        (CarelessPattern(), "judges a person's care or competence", "人の注意力や能力を評価しています"),
        (ForgotPattern(), "says a person forgot or did not bother", "人が忘れたと述べています"),
        (BlamePattern(), "assigns blame", "責任を人に負わせています"),
        (SlangPattern(), "judges a person's work", "人の仕事ぶりを評価しています"),
    ];

    /// <summary>Every flagged sentence of <paramref name="passages"/>, in order; <paramref name="people"/> are names to treat as persons.</summary>
    public static IReadOnlyList<BlameFlag> Check(IEnumerable<Passage> passages, IEnumerable<string> people)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(people);
        var person = PersonPattern(people);
        var flags = new List<BlameFlag>();
        foreach (var passage in passages)
        {
            foreach (var sentence in Sentences(passage.Text))
            {
                if (Flag(passage.Source, sentence, person) is { } flag)
                {
                    flags.Add(flag);
                }
            }
        }

        return flags;
    }

    /// <summary>Whether one sentence blames; <paramref name="people"/> as in <see cref="Check"/>.</summary>
    public static BlameFlag? CheckSentence(string sentence, params string[] people) =>
        Flag("text", sentence, PersonPattern(people));

    private static BlameFlag? Flag(string source, string sentence, Regex person)
    {
        var japanese = Japanese.In(sentence);
        if (japanese)
        {
            foreach (var (pattern, reason, needs) in JapaneseRules)
            {
                if (JapaneseMatch(sentence, pattern, needs) is { } match)
                {
                    return new BlameFlag(source, sentence, match.Value, reason);
                }
            }
        }

        foreach (var (pattern, reason, japaneseReason) in Rules)
        {
            if (pattern.Match(sentence) is { Success: true } match)
            {
                return new BlameFlag(source, sentence, match.Value, japanese ? japaneseReason : reason);
            }
        }

        return person.Match(sentence) is { Success: true } named
            ? new BlameFlag(source, sentence, named.Value, japanese ? JapaneseNamedPerson : NamedPerson)
            : null;
    }

    /// <summary>"caused by @bob", "because of bob", "@bob broke …", "bob forgot …".</summary>
    private static Regex PersonPattern(IEnumerable<string> people)
    {
        var names = people
            .Select(p => p.Trim().TrimStart('@'))
            .Where(p => p.Length >= 2 && !p.StartsWith("<@", StringComparison.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(p => p.Length)
            .Select(Regex.Escape)
            .ToList();
        var who = @"(?:<@[A-Z0-9]+(?:\|[^>]+)?>|@\w(?:[\w.-]*\w)?" + (names.Count == 0 ? "" : @"|\b(?:" + string.Join('|', names) + @")\b") + ")";
        return new Regex(
            $@"(?:\b(?:caused by|because of|due to|thanks to|introduced by|broken by|triggered by)\s+{who})|(?:{who}\s+(?:{CauseVerbs})\b)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static IEnumerable<string> Sentences(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex(@"(?<=[.!?])\s+|(?<=[。！？])\s*|\r?\n+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\b[\w@.-]+'s\s+fault\b|\b(?:his|her|their|your|my|our)\s+fault\b|\bat\s+fault\b|\bfault\s+of\s+(?:@|<@)?\w+", RegexOptions.IgnoreCase)]
    private static partial Regex FaultPattern();

    [GeneratedRegex(@"\b(?:human|operator|user|pilot|engineer)\s+error\b", RegexOptions.IgnoreCase)]
    private static partial Regex HumanErrorPattern();

    [GeneratedRegex(@"\b(?:should|shouldn't|should\s+not|ought\s+to|ought\s+not\s+to)(?:'ve|\s+have)\b|\bshould've\b", RegexOptions.IgnoreCase)]
    private static partial Regex HindsightPattern();

    [GeneratedRegex(@"\b(?:careless(?:ly|ness)?|negligen(?:t|ce|tly)|sloppy|sloppiness|lazy|laziness|incompeten(?:t|ce)|reckless(?:ly)?|stupid|clueless|irresponsible)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CarelessPattern();

    [GeneratedRegex(@"\b(?:forgot|forgotten|forgetting)\b|\b(?:didn't|did\s+not)\s+bother\b", RegexOptions.IgnoreCase)]
    private static partial Regex ForgotPattern();

    [GeneratedRegex(@"\b(?:blame[sd]?|blaming|to\s+blame|culprit|guilty)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlamePattern();

    [GeneratedRegex(@"\b(?:screwed\s+up|messed\s+up|dropped\s+the\s+ball|rookie\s+mistake|fat[- ]finger(?:ed)?|dumb\s+mistake)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SlangPattern();
}
