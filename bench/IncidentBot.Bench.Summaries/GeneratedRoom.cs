using IncidentBot.Chat;
using IncidentBot.Incidents;
using IncidentBot.Summaries;
using IncidentBot.Timeline;

namespace IncidentBot.Bench;

/// <summary>
/// A busy incident room, the same on every run: reports, guesses, actions, questions, chatter, links and a few secrets,
/// in English or in Japanese.
/// </summary>
internal static class GeneratedRoom
{
    private static readonly string[] People = ["alice", "bob", "carol", "dave", "erin", "frank", "gina", "hugo", "ivan", "judy"];

    private static readonly string[] Services = ["payments-api", "checkout-service", "orders-db", "search-api", "auth-gateway", "ledger-worker"];

    private static readonly string[] Templates =
    [
        "{s} is returning 502 for {n}% of requests since {t}.",
        "p99 latency on {s} is {n}s, was 300ms before the deploy.",
        "About {n}% of customers in eu-west-1 cannot complete checkout.",
        "I think the connection pool on {s} is exhausted, max went from 50 to {n}.",
        "Looks like the {t} deploy of {s} correlates with the spike.",
        "restarted {n} pods of {s}, didn't help.",
        "scaled {s} from 6 to {n} replicas.",
        "ok, decision: we roll back {s} to the previous version. go ahead.",
        "rollback of {s} complete, error rate dropping to {n}%.",
        "Do we know whether refunds are affected too?",
        "Could it be the redis failover at {t}?",
        "I'll post an update to the status page at {t}.",
        "Next: keep an eye on {s} for 30 minutes, then resolve.",
        "dashboard: https://grafana.example.com/d/{s}?from=now-1h",
        "runbook https://wiki.example.com/runbooks/{s}",
        "+1", "ok", "following along", "brb", "thanks", "same here", "lol", "joining late, reading up",
        "anyone else seeing lag in the tools?", "watching the dashboards", "ack", "on it",
        "here is the log line: ERROR pool timeout after 30000ms at PoolManager.Acquire(PoolManager.cs:118) thread=worker-{n}",
        "tried with DB_PASSWORD=hunter{n} on the replica, same errors.",
        "the token xoxb-1234567890-0987654321-AbCdEfGhIj{n} still works for the alerts bot.",
    ];

    /// <summary>The same room written in Japanese, with English words, full-width digits and line breaks mixed in.</summary>
    private static readonly string[] JapaneseTemplates =
    [
        "{s}がリクエストの{n}％で502エラーを返しています。{t}からです。",
        "{s}のp99レイテンシが{n}秒まで悪化しています。デプロイ前は300msでした",
        "eu-west-1のユーザーの約{n}%が決済できない状態で、影響は１２００件以上です。",
        "原因はおそらく{s}のコネクションプールの枯渇です。maxが50から{n}に変わっています。",
        "{t}の{s}のデプロイと時間が一致しているので、これが原因かもしれません",
        "{s}のPodを{n}台再起動しましたが、効果なしです。",
        "{s}を6台から{n}台にスケールアウトしました。",
        "{s}を前のバージョンにロールバックすることに決めました。進めてください。",
        "{s}のロールバックが完了しました。\nエラー率は{n}％まで下がっています",
        "返金処理にも影響は出ていますか？",
        "{t}のRedisのフェイルオーバーが原因でしょうか？",
        "{t}にステータスページを更新する予定です。",
        "次に、{s}を30分監視してから解決にします。",
        "ダッシュボード: https://grafana.example.com/d/{s}?from=now-1h",
        "手順書 https://wiki.example.com/runbooks/{s}",
        "+1", "了解", "見てます", "ちょっと離席します", "ありがとうございます", "同じく", "草", "途中から参加します、ログ読みます",
        "ツールが重い気がする", "ダッシュボード見てます", "承知しました", "対応します",
        "ログ: ERROR pool timeout after 30000ms at PoolManager.Acquire(PoolManager.cs:118) thread=worker-{n}",
        "レプリカで DB_PASSWORD=hunter{n} を試しましたが、同じエラーです。",
        "佐藤さんのミスが原因です。ヒューマンエラーですね。",
    ];

    public static SummaryRequest Create(int messages, bool japanese = false)
    {
        var templates = japanese ? JapaneseTemplates : Templates;
        var random = new Random(42);
        var start = new DateTimeOffset(2025, 3, 4, 13, 0, 0, TimeSpan.Zero);
        var title = japanese ? "決済APIで502エラーが多発" : "Payments API down";
        var (incident, declared) = Incident.Declare(42, new Declaration(title, Severity.Sev1), "alice", start);
        var timeline = new List<TimelineEntry> { declared };
        timeline.AddRange(incident.AssignRole(Role.Commander, "alice", "alice", start.AddMinutes(1)).Entries);
        timeline.AddRange(incident.AssignRole(Role.Scribe, "dave", "alice", start.AddMinutes(2)).Entries);
        timeline.AddRange(incident.ChangeStatus(IncidentStatus.Identified, "alice", start.AddMinutes(40)).Entries);
        var room = new List<RoomMessage>(messages);
        for (var i = 0; i < messages; i++)
        {
            var at = start.AddSeconds(i * 2);
            var sentences = random.Next(1, 4);
            var text = string.Join(japanese ? "" : " ", Enumerable.Range(0, sentences).Select(_ => Fill(templates[random.Next(templates.Length)], random, at)));
            room.Add(new RoomMessage(People[random.Next(People.Length)], at, text));
        }

        return new SummaryRequest(incident, timeline, room, start.AddSeconds(messages * 2));
    }

    private static string Fill(string template, Random random, DateTimeOffset at) => template
        .Replace("{s}", Services[random.Next(Services.Length)], StringComparison.Ordinal)
        .Replace("{n}", random.Next(2, 99).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{t}", at.AddMinutes(-random.Next(1, 30)).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
