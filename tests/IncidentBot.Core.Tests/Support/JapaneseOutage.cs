using IncidentBot.Chat;
using IncidentBot.Incidents;
using IncidentBot.Summaries;
using IncidentBot.Timeline;

namespace IncidentBot.Support;

/// <summary>
/// A Japanese incident room, written for the tests: 502s from the payments API after a deploy, an alert from Mackerel,
/// two hypotheses, a failed restart, a rollback decision, recovery, questions and next steps, one blaming remark, and
/// the chatter, English words, full-width digits and line breaks of a real channel.
/// </summary>
public static class JapaneseOutage
{
    public static readonly DateTimeOffset Start = new(2025, 3, 4, 4, 0, 0, TimeSpan.Zero);

    public const string Title = "決済APIで502エラーが多発";

    public const string BlamingRemark = "佐藤さんのミスが原因です。ヒューマンエラーですね。";

    public static SummaryRequest Request(int padding = 0)
    {
        var (incident, declared) = Incident.Declare(1, new Declaration(Title, Severity.Sev2), "tanaka", At(3), startedAt: At(0));
        var timeline = new List<TimelineEntry> { declared };
        timeline.AddRange(incident.AssignRole(Role.Commander, "tanaka", "tanaka", At(3)).Entries);
        timeline.AddRange(incident.AssignRole(Role.Scribe, "takahashi", "tanaka", At(4)).Entries);
        timeline.AddRange(incident.AssignRole(Role.Comms, "yamamoto", "tanaka", At(4)).Entries);
        timeline.AddRange(incident.ChangeSeverity(Severity.Sev1, "tanaka", At(5)).Entries);
        timeline.AddRange(incident.ChangeStatus(IncidentStatus.Identified, "tanaka", At(13)).Entries);
        timeline.Add(incident.Record(TimelineKind.StatusUpdate, "一部のお客様でカード決済が失敗しています。原因となった変更をロールバックしています。", "yamamoto", At(16)));
        timeline.AddRange(incident.ChangeStatus(IncidentStatus.Monitoring, "tanaka", At(20)).Entries);
        timeline.Add(incident.Record(TimelineKind.ActionAdded, "#1 payments-apiのCIにプールサイズのチェックを追加する (owner @takahashi)", "takahashi", At(28)));

        var messages = new List<RoomMessage>
        {
            Said(1, "suzuki", "Mackerelから決済APIの5xxアラートが来ています。POST /v1/charges で502エラーが多発しています。"),
            Said(1, "ito", "👀"),
            Said(2, "takahashi", "見てます"),
            Said(2, "suzuki", "p99レイテンシも１２秒まで悪化しています"),
            Said(2, "sato", "決済画面が繋がらないという報告が社内からも来ています"),
            Said(3, "tanaka", "障害として宣言します。ICは私がやります。"),
            Said(3, "ito", "+1"),
            Said(4, "yamamoto", "サポートに問い合わせが来ています。カード決済の約４０％が失敗していて、影響を受けたユーザーは１２００件以上です。"),
            Said(5, "suzuki", "Grafana: https://grafana.example.com/d/payments?from=now-1h"),
            Said(5, "takahashi", "DBへの接続でタイムアウトが出ています"),
            Said(6, "sato", "最近何か変更ありましたか？"),
            Said(6, "suzuki", "12:58にリリーストレインで payments-api v42 がデプロイされています。"),
            Said(7, "ito", "了解、ちょっとコーヒー取ってきます"),
            Said(8, "takahashi", "原因はおそらくDBコネクションプールの枯渇です。v42でpool maxが50から5に変わっています。"),
            Said(9, "suzuki", "payments-apiのPodを２台再起動しましたが、効果なしです。\nエラーは１分以内に戻りました"),
            Said(10, "ito", "DBのCPUは35%で正常です。DBそのものの問題ではなさそう"),
            Said(10, "yamamoto", "影響範囲は日本のユーザーのみで、海外は影響なしです"),
            Said(11, "sato", "Stripeのwebhookの滞留が原因かもしれません"),
            Said(12, "suzuki", "いいえ、Stripeのステータスは正常で、webhookキューも空です。"),
            Said(12, "tanaka", "了解"),
            Said(13, "tanaka", "v41へロールバックすることに決めました。鈴木さん、お願いします。"),
            Said(13, "suzuki", "了解です"),
            Said(14, "ito", "ok"),
            Said(15, "suzuki", "ロールバック開始、12台中3台完了"),
            Said(16, "sato", "見守ってます"),
            Said(17, "ito", BlamingRemark),
            Said(18, "suzuki", "ロールバック完了しました。全12台がv41です。"),
            Said(19, "yamamoto", "エラー率が下がってきました。502は２％まで減少。"),
            Said(19, "ito", "👍"),
            Said(20, "sato", "いい感じ"),
            Said(21, "takahashi", "なぜv42でプール設定が変わったのでしょうか？"),
            Said(22, "sato", "設定PR https://github.example.com/payments/pull/1234 でプールサイズを誤って5にしたのが原因のようです。"),
            Said(22, "ito", "お疲れさまです"),
            Said(23, "yamamoto", "13:30にステータスページを更新する予定です。"),
            Said(24, "tanaka", "次に、エラー率を30分監視してから解決にします。"),
            Said(25, "ito", "皆さんお疲れさまです"),
            Said(26, "suzuki", "返金処理にも影響は出ていますか？"),
            Said(27, "takahashi", "なぜアラートまで3分かかったのかは不明です"),
            Said(27, "yamamoto", "TODO: 顧客向けのお詫び文を用意する"),
            Said(28, "tanaka", "Stripeのwebhook説は違いましたね"),
            Said(28, "suzuki", "次はCIにプールサイズのチェックを追加する対応予定です"),
            Said(29, "sato", "了解しました"),
            Said(29, "ito", "見てます"),
        };
        for (var i = 0; i < padding; i++)
        {
            messages.Add(Said(30 + (i / 100), Chatty[i % Chatty.Length].Author, Chatty[(i / 7) % Chatty.Length].Text));
        }

        return new SummaryRequest(incident, timeline, messages, At(30 + (padding / 100)));
    }

    /// <summary>Messages that say nothing an absent responder needs.</summary>
    public static readonly (string Author, string Text)[] Chatty =
    [
        ("ito", "+1"), ("sato", "見てます"), ("nakamura", "途中から参加します、ログ読みます"), ("kobayashi", "了解です"),
        ("ito", "Slackが重い気がする"), ("nakamura", "ok"), ("sato", "ありがとうございます"),
        ("kobayashi", "同じく"), ("kato", "ダッシュボード見てます"), ("nakamura", "承知しました"), ("kato", "5分ほど離席します"),
    ];

    private static DateTimeOffset At(int minute) => Start.AddMinutes(minute);

    private static RoomMessage Said(int minute, string author, string text) => new(author, At(minute), text);
}
