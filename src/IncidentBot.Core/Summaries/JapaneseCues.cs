namespace IncidentBot.Summaries;

/// <summary>
/// What responders write in Japanese for each facet. Japanese has no spaces between words, so these are found
/// inside the sentence rather than looked up word by word; the text is folded first (<see cref="Japanese.Fold"/>),
/// so ５０２ and ％ read as 502 and %.
/// </summary>
internal static class JapaneseCues
{
    public static readonly (string Phrase, Facet Facet, int Weight)[] Phrases =
    [
        ("障害", Facet.Broken, 2), ("エラー", Facet.Broken, 2), ("落ちて", Facet.Broken, 2), ("落ちた", Facet.Broken, 2),
        ("繋がらない", Facet.Broken, 2), ("つながらない", Facet.Broken, 2), ("ダウン", Facet.Broken, 2),
        ("タイムアウト", Facet.Broken, 2), ("遅延", Facet.Broken, 2), ("失敗", Facet.Broken, 2), ("枯渇", Facet.Broken, 1),
        ("多発", Facet.Broken, 2), ("急増", Facet.Broken, 2), ("応答しない", Facet.Broken, 2), ("返して", Facet.Broken, 1),
        ("できない", Facet.Broken, 1), ("アラート", Facet.Broken, 1), ("発生", Facet.Broken, 1), ("悪化", Facet.Broken, 2),

        ("影響", Facet.Impact, 3), ("ユーザー", Facet.Impact, 2), ("割合", Facet.Impact, 2), ("お客様", Facet.Impact, 2),
        ("顧客", Facet.Impact, 2), ("売上", Facet.Impact, 2), ("問い合わせ", Facet.Impact, 2), ("エラー率", Facet.Impact, 3),
        ("成功率", Facet.Impact, 3), ("決済", Facet.Impact, 1), ("一部", Facet.Impact, 1),

        ("試した", Facet.Tried, 3), ("試しました", Facet.Tried, 3), ("試して", Facet.Tried, 2), ("再起動した", Facet.Tried, 3),
        ("再起動しました", Facet.Tried, 3), ("再起動", Facet.Tried, 1), ("ロールバックした", Facet.Tried, 3),
        ("ロールバックしました", Facet.Tried, 3), ("ロールバック完了", Facet.Tried, 3), ("ロールバックが完了", Facet.Tried, 3),
        ("ロールバック", Facet.Tried, 1), ("切り戻した", Facet.Tried, 3), ("切り戻しました", Facet.Tried, 3),
        ("効果なし", Facet.Tried, 3), ("効果がない", Facet.Tried, 3), ("効果はなかった", Facet.Tried, 3),
        ("変わらず", Facet.Tried, 2), ("改善しない", Facet.Tried, 2), ("改善しません", Facet.Tried, 2),
        ("完了", Facet.Tried, 2), ("増やしました", Facet.Tried, 2), ("適用しました", Facet.Tried, 2),

        ("決定", Facet.Decision, 3), ("決めました", Facet.Decision, 3), ("決めた", Facet.Decision, 3),
        ("することに", Facet.Decision, 3), ("ことにします", Facet.Decision, 3), ("ことにしました", Facet.Decision, 3),
        ("方針", Facet.Decision, 2), ("承認", Facet.Decision, 2), ("合意", Facet.Decision, 2), ("判断", Facet.Decision, 2),
        ("ロールバックします", Facet.Decision, 2), ("回復", Facet.Decision, 2), ("復旧", Facet.Decision, 2),
        ("安定", Facet.Decision, 2), ("収束", Facet.Decision, 2), ("エスカレーション", Facet.Decision, 2),

        ("原因", Facet.Hypothesis, 2), ("おそらく", Facet.Hypothesis, 3), ("かも", Facet.Hypothesis, 3),
        ("疑い", Facet.Hypothesis, 3), ("疑わしい", Facet.Hypothesis, 3), ("怪しい", Facet.Hypothesis, 3),
        ("可能性", Facet.Hypothesis, 2), ("と思います", Facet.Hypothesis, 2), ("と思う", Facet.Hypothesis, 2),
        ("思われ", Facet.Hypothesis, 2), ("ようです", Facet.Hypothesis, 2), ("っぽい", Facet.Hypothesis, 2),
        ("仮説", Facet.Hypothesis, 3), ("多分", Facet.Hypothesis, 3), ("たぶん", Facet.Hypothesis, 3), ("起因", Facet.Hypothesis, 2),

        ("でしょうか", Facet.Question, 3), ("不明", Facet.Question, 3), ("ですか", Facet.Question, 2),
        ("ますか", Facet.Question, 2), ("わからない", Facet.Question, 2), ("分からない", Facet.Question, 2),
        ("未確認", Facet.Question, 2),

        ("次に", Facet.NextStep, 3), ("対応予定", Facet.NextStep, 3), ("予定", Facet.NextStep, 2), ("次は", Facet.NextStep, 2),
        ("しておきます", Facet.NextStep, 2), ("お願いします", Facet.NextStep, 2), ("確認します", Facet.NextStep, 2),
        ("監視します", Facet.NextStep, 2), ("様子を見", Facet.NextStep, 2), ("見ておきます", Facet.NextStep, 2),
        ("アクションアイテム", Facet.NextStep, 3), ("再発防止", Facet.NextStep, 2), ("後で", Facet.NextStep, 1), ("監視", Facet.NextStep, 1),
    ];

    /// <summary>Adds the weight of every cue in <paramref name="folded"/>; a count of things (「120件」) tells impact.</summary>
    public static void Score(string folded, Span<int> scores)
    {
        foreach (var (phrase, facet, weight) in Phrases)
        {
            if (folded.Contains(phrase, StringComparison.Ordinal))
            {
                scores[(int)facet] += weight;
            }
        }

        for (var i = folded.IndexOf('件', StringComparison.Ordinal); i > 0; i = folded.IndexOf('件', i + 1))
        {
            if (char.IsAsciiDigit(folded[i - 1]))
            {
                scores[(int)Facet.Impact] += 2;
                break;
            }
        }
    }
}
