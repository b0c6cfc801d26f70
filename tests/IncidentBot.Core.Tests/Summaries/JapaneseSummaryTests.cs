using IncidentBot.Chat;
using IncidentBot.Incidents;
using IncidentBot.Support;
using static IncidentBot.Support.JapaneseOutage;

namespace IncidentBot.Summaries;

public class JapaneseSummaryTests
{
    private static readonly string Summary = ExtractiveSummarizer.Write(Request());

    [Fact]
    public void WhatIsBrokenQuotesTheFirstReportsOfTheErrors()
    {
        var broken = PaymentsOutage.Section(Summary, Headings.Broken);

        Assert.Contains("04:01 @suzuki: POST /v1/charges で502エラーが多発しています。", broken, StringComparison.Ordinal);
        Assert.Contains("04:02 @suzuki: p99レイテンシも１２秒まで悪化しています", broken, StringComparison.Ordinal);
        Assert.Contains("@tanaka: INC-1 declared: 決済APIで502エラーが多発 (SEV2)", broken, StringComparison.Ordinal);
    }

    [Fact]
    public void ImpactReadsFullWidthPercentAndCounts()
    {
        var impact = PaymentsOutage.Section(Summary, Headings.Impact);

        Assert.Contains("@yamamoto: カード決済の約４０％が失敗していて、影響を受けたユーザーは１２００件以上です。", impact, StringComparison.Ordinal);
        Assert.Contains("@yamamoto: 影響範囲は日本のユーザーのみで、海外は影響なしです", impact, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatWasTriedKeepsTheFailedRestartAndTheRollback()
    {
        var tried = PaymentsOutage.Section(Summary, Headings.Tried);

        Assert.Contains("@suzuki: payments-apiのPodを２台再起動しましたが、効果なしです。", tried, StringComparison.Ordinal);
        Assert.Contains("@suzuki: ロールバック完了しました。", tried, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRollbackDecisionIsUnderDecisions()
    {
        var decisions = PaymentsOutage.Section(Summary, Headings.Decisions);

        Assert.Contains("04:13 @tanaka: v41へロールバックすることに決めました。", decisions, StringComparison.Ordinal);
        Assert.Contains("@tanaka: Status identified → monitoring", decisions, StringComparison.Ordinal);
    }

    [Fact]
    public void BothHypothesesAndTheLatestAreCurrent()
    {
        var hypothesis = PaymentsOutage.Section(Summary, Headings.Hypothesis);

        Assert.Contains("@takahashi: 原因はおそらくDBコネクションプールの枯渇です。", hypothesis, StringComparison.Ordinal);
        Assert.Contains("@sato: Stripeのwebhookの滞留が原因かもしれません", hypothesis, StringComparison.Ordinal);
        Assert.Contains("でプールサイズを誤って5にしたのが原因のようです。", hypothesis, StringComparison.Ordinal);
    }

    [Fact]
    public void QuestionsAndNextStepsAreTheLatestOnes()
    {
        var questions = PaymentsOutage.Section(Summary, Headings.Questions);
        var next = PaymentsOutage.Section(Summary, Headings.NextSteps);

        Assert.Contains("@takahashi: なぜv42でプール設定が変わったのでしょうか？", questions, StringComparison.Ordinal);
        Assert.Contains("@suzuki: 返金処理にも影響は出ていますか？", questions, StringComparison.Ordinal);
        Assert.Contains("@takahashi: なぜアラートまで3分かかったのかは不明です", questions, StringComparison.Ordinal);
        Assert.Contains("@tanaka: 次に、エラー率を30分監視してから解決にします。", next, StringComparison.Ordinal);
        Assert.Contains("@yamamoto: 13:30にステータスページを更新する予定です。", next, StringComparison.Ordinal);
        Assert.Contains("@suzuki: 次はCIにプールサイズのチェックを追加する対応予定です", next, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBlamingRemarkIsNoFactOfTheIncident()
    {
        Assert.DoesNotContain("佐藤さんのミス", Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("ヒューマンエラー", Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ChatterIsLeftOut()
    {
        string[] chatter = ["見てます", "了解", "お疲れさまです", "いい感じ", "ICは私がやります", "コーヒー"];

        Assert.All(chatter, c => Assert.DoesNotContain(c, Summary, StringComparison.Ordinal));
    }

    [Fact]
    public void ALineBreakEndsASentence()
    {
        var lines = Conversation.From(Request());

        var restart = Assert.Single(lines, l => l.Text.StartsWith("payments-apiのPodを", StringComparison.Ordinal));
        Assert.Equal(["payments-apiのPodを２台再起動しましたが、効果なしです。", "エラーは１分以内に戻りました"], Sentences.Of(restart.Text));
        Assert.DoesNotContain('\n', restart.Render());
    }

    [Fact]
    public void JapaneseFullStopsSplitSentencesWithoutSpaces() =>
        Assert.Equal(["決済が失敗しています。", "原因は不明です！", "本当ですか？"], Sentences.Of("決済が失敗しています。原因は不明です！本当ですか？！"));

    [Fact]
    public void ARoomMixingJapaneseAndEnglishPutsEachUnderItsHeading()
    {
        var (incident, declared) = Incident.Declare(2, new Declaration("checkout latency", Severity.Sev3), "tanaka", Start);
        RoomMessage[] messages =
        [
            new("suzuki", Start.AddMinutes(1), "checkout-api is returning 504s since 04:00."),
            new("tanaka", Start.AddMinutes(2), "原因はおそらくRedisの枯渇です"),
            new("sato", Start.AddMinutes(3), "I think the cache eviction policy changed."),
            new("yamamoto", Start.AddMinutes(4), "ユーザーの約１５％に影響があります"),
            new("tanaka", Start.AddMinutes(5), "Redisを再起動することに決めました"),
            new("sato", Start.AddMinutes(6), "we restarted redis, didn't help"),
            new("suzuki", Start.AddMinutes(7), "次にキャッシュ設定を確認します"),
        ];

        var summary = ExtractiveSummarizer.Write(new SummaryRequest(incident, [declared], messages, Start.AddMinutes(8)));

        Assert.Contains("checkout-api is returning 504s", PaymentsOutage.Section(summary, Headings.Broken), StringComparison.Ordinal);
        Assert.Contains("ユーザーの約１５％に影響があります", PaymentsOutage.Section(summary, Headings.Impact), StringComparison.Ordinal);
        Assert.Contains("Redisを再起動することに決めました", PaymentsOutage.Section(summary, Headings.Decisions), StringComparison.Ordinal);
        Assert.Contains("we restarted redis, didn't help", PaymentsOutage.Section(summary, Headings.Tried), StringComparison.Ordinal);
        var hypothesis = PaymentsOutage.Section(summary, Headings.Hypothesis);
        Assert.Contains("原因はおそらくRedisの枯渇です", hypothesis, StringComparison.Ordinal);
        Assert.Contains("I think the cache eviction policy changed.", hypothesis, StringComparison.Ordinal);
        Assert.Contains("次にキャッシュ設定を確認します", PaymentsOutage.Section(summary, Headings.NextSteps), StringComparison.Ordinal);
    }
}
