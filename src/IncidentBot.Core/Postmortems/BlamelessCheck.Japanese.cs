using System.Buffers;
using System.Text.RegularExpressions;

namespace IncidentBot.Postmortems;

/// <summary>The Japanese half of the check: its own words, and its reasons in Japanese.</summary>
public static partial class BlamelessCheck
{
    private const string JapaneseNamedPerson = "人を原因として名指ししています。何が起き、何がそれを許したのかを書いてください";

    // The named-cause pattern starts with the name, which no literal marks, so the engine would try it at every
    // letter of every sentence: it runs only where an honorific is.
    private static readonly SearchValues<string> Honorifics = SearchValues.Create(["さん", "くん", "君", "氏"], StringComparison.Ordinal);

    private static readonly (Regex Pattern, string Reason, SearchValues<string>? Needs)[] JapaneseRules =
    [
        (JapaneseHumanErrorPattern(), "「ヒューマンエラー」を原因にしています。何がそのエラーを起こりうるものにしたのかを書いてください", null),
        (JapaneseNamedCausePattern(), JapaneseNamedPerson, Honorifics),
        (JapaneseBlamePattern(), "責任を人に負わせています", null),
        (JapaneseHindsightPattern(), "後知恵です。誰かがすべきだったことではなく、システムが何を許したのかを書いてください", null),
        (JapaneseCarelessPattern(), "人の注意力や能力を評価しています", null),
        (JapaneseForgotPattern(), "人が忘れたと述べています。忘れても気づける仕組みがあったかを書いてください", null),
        (JapaneseMistakePattern(), "個人の過失としています。何がそれを可能にしたのかを書いてください", null),
    ];

    private static Match? JapaneseMatch(string sentence, Regex pattern, SearchValues<string>? needs) =>
        needs is not null && !sentence.AsSpan().ContainsAny(needs) ? null : pattern.Match(sentence) is { Success: true } match ? match : null;

    /// <summary>Whether a Japanese rule flags <paramref name="sentence"/>; the summariser leaves such sentences out.</summary>
    public static bool BlamesInJapanese(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        foreach (var (pattern, _, needs) in JapaneseRules)
        {
            if (JapaneseMatch(sentence, pattern, needs) is not null)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"ヒューマンエラー|人為的(?:ミス|な?エラー)|人的ミス|操作ミス|オペミス")]
    private static partial Regex JapaneseHumanErrorPattern();

    // さん, くん, 君 and 氏 mark a person, so a named cause needs no list of names.
    [GeneratedRegex(@"\S{1,12}?(?:さん|くん|君|氏)(?:が|の)(?:原因|せい|ミス|責任)|\S{1,12}?(?:さん|くん|君|氏)が[^、。]{0,30}(?:たこと|たの)が原因|原因は\S{1,12}?(?:さん|くん|君|氏)")]
    private static partial Regex JapaneseNamedCausePattern();

    [GeneratedRegex(@"のせい|責任(?!者|を持って)|犯人")]
    private static partial Regex JapaneseBlamePattern();

    [GeneratedRegex(@"(?:す|する)べきだった|べきでした|(?:して|やって)おけば(?:よかった|良かった)?|(?:して|やって)いれば防げ")]
    private static partial Regex JapaneseHindsightPattern();

    [GeneratedRegex(@"不注意|うっかり|注意不足|怠慢|ずさん|杜撰|いい加減|確認不足|無能")]
    private static partial Regex JapaneseCarelessPattern();

    [GeneratedRegex(@"忘れ(?:た|てた|ていた|ました|ちゃった|てしまった)|が忘れ")]
    private static partial Regex JapaneseForgotPattern();

    // キャッシュミス, 設定ミス(マッチ) and ミスマッチ describe the system, not a person.
    [GeneratedRegex(@"(?<!キャッシュ|設定|TLB|ページ)ミス(?!マッチ|ヒット)")]
    private static partial Regex JapaneseMistakePattern();
}
