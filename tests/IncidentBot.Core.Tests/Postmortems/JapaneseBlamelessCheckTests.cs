using IncidentBot.Support;

namespace IncidentBot.Postmortems;

public class JapaneseBlamelessCheckTests
{
    [Theory]
    [InlineData("佐藤さんのミスが原因です。", "佐藤さんのミス")]
    [InlineData("ヒューマンエラーですね。", "ヒューマンエラー")]
    [InlineData("人為的ミスによる設定変更でした。", "人為的ミス")]
    [InlineData("これは運用チームのせいです。", "のせい")]
    [InlineData("不注意でプロダクションのDBを消してしまった。", "不注意")]
    [InlineData("うっかり本番環境でスクリプトを実行した。", "うっかり")]
    [InlineData("担当者が証明書の更新を忘れた。", "忘れた")]
    [InlineData("デプロイ前にカナリアで確認すべきだった。", "すべきだった")]
    [InlineData("この障害の責任は開発チームにある。", "責任")]
    [InlineData("今回の障害は佐藤さんが原因です。", "今回の障害は佐藤さんが原因")]
    [InlineData("高橋くんが設定を変えたのが原因です。", "高橋くんが設定を変えたのが原因")]
    [InlineData("レビューでのミスを見逃した。", "ミス")]
    public void BlamingJapaneseSentencesAreFlaggedWithReasonsInJapanese(string sentence, string phrase)
    {
        var flag = BlamelessCheck.CheckSentence(sentence);

        Assert.NotNull(flag);
        Assert.Equal(phrase, flag.Phrase);
        Assert.Equal(sentence, flag.Sentence);
        Assert.True(Japanese.In(flag.Reason), flag.Reason);
    }

    [Theory]
    [InlineData("原因はDBの枯渇です。")]
    [InlineData("原因はおそらくDBコネクションプールの枯渇です。")]
    [InlineData("キャッシュミスが急増してレイテンシが悪化しました。")]
    [InlineData("設定ミスマッチでPodが起動しませんでした。")]
    [InlineData("佐藤さんがv41へのロールバックを実施しました。")]
    [InlineData("鈴木さんの調査で原因がプール設定と分かりました。")]
    [InlineData("インシデント責任者は田中さんです。")]
    [InlineData("エラー率は２％まで下がりました。")]
    [InlineData("設定PRでプールサイズが5に変わったのが原因のようです。")]
    [InlineData("次に、エラー率を30分監視してから解決にします。")]
    public void PlainTechnicalJapaneseSentencesAreNotFlagged(string sentence) =>
        Assert.Null(BlamelessCheck.CheckSentence(sentence, "sato", "tanaka"));

    [Fact]
    public void AnEnglishSentenceKeepsItsEnglishReason()
    {
        var flag = BlamelessCheck.CheckSentence("Dave forgot to renew the certificate.");

        Assert.NotNull(flag);
        Assert.Equal("says a person forgot or did not bother", flag.Reason);
    }

    [Fact]
    public void AnEnglishPatternInAJapaneseSentenceIsExplainedInJapanese()
    {
        var flag = BlamelessCheck.CheckSentence("@frank broke the build したので障害になりました。");

        Assert.NotNull(flag);
        Assert.Equal("@frank broke", flag.Phrase);
        Assert.True(Japanese.In(flag.Reason), flag.Reason);
    }

    [Fact]
    public void TheJapaneseRoomHasOneBlamingRemarkOfTwoSentences()
    {
        var request = JapaneseOutage.Request();
        var passages = request.Messages.Select(m => new Passage($"message by @{m.Author}", m.Text))
            .Concat(request.Timeline.Select(e => new Passage($"{e.Kind} by @{e.Actor}", e.Text)));

        var flags = BlamelessCheck.Check(passages, ["tanaka", "suzuki", "sato", "takahashi", "yamamoto", "ito"]);

        Assert.Equal(["佐藤さんのミスが原因です。", "ヒューマンエラーですね。"], flags.Select(f => f.Sentence));
        Assert.All(flags, f => Assert.Equal("message by @ito", f.Source));
    }
}
