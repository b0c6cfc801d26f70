using System.Text.RegularExpressions;

namespace IncidentBot.Postmortems;

/// <summary>The Japanese half of the check: its own words, and its reasons in Japanese.</summary>
public static partial class BlamelessCheck
{
    private const string JapaneseNamedPerson = "人を原因として名指ししています。何が起き、何がそれを許したのかを書いてください";

    private static readonly (Regex Pattern, string Reason)[] JapaneseRules =
    [
        (JapaneseHumanErrorPattern(), "「ヒューマンエラー」を原因にしています。何がそのエラーを起こりうるものにしたのかを書いてください"),
        (JapaneseNamedCausePattern(), JapaneseNamedPerson),
        (JapaneseBlamePattern(), "責任を人に負わせています"),
        (JapaneseHindsightPattern(), "後知恵です。誰かがすべきだったことではなく、システムが何を許したのかを書いてください"),
        (JapaneseCarelessPattern(), "人の注意力や能力を評価しています"),
        (JapaneseForgotPattern(), "人が忘れたと述べています。忘れても気づける仕組みがあったかを書いてください"),
        (JapaneseMistakePattern(), "個人の過失としています。何がそれを可能にしたのかを書いてください"),
    ];

    /// <summary>Whether a Japanese rule flags <paramref name="sentence"/>; the summariser leaves such sentences out.</summary>
    public static bool BlamesInJapanese(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        foreach (var (pattern, _) in JapaneseRules)
        {
            if (pattern.IsMatch(sentence))
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
