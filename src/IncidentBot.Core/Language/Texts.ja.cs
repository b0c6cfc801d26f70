using System.Globalization;
using IncidentBot.Incidents;

namespace IncidentBot.Language;

public sealed partial record Texts
{
    public static Texts Ja { get; } = new()
    {
        Code = "ja",
        NoCommand = "コマンドがありません。",
        CommandTooLong = (length, max) => string.Create(CultureInfo.InvariantCulture, $"コマンドが{length:N0}文字あります。上限は{max:N0}文字です。"),
        UnknownCommand = word => $"「{word}」というコマンドはありません。`help` で一覧を見られます。",
        NeedsTitle = "インシデントにはタイトルが必要です。",
        TitleTooLong = (length, max) => string.Create(CultureInfo.InvariantCulture, $"タイトルが{length}文字あります。上限は{max}文字です。"),
        NameOneRole = "ロールを1つ、必要なら担当者を1人指定してください。",
        NotARole = word => $"「{word}」はロールではありません。commander、scribe、comms のどれかを指定してください。",
        NotAPerson = word => $"「{word}」は人ではありません。@名前 で指定してください。",
        WhichSeverity = "重大度を指定してください。",
        NotASeverity = word => $"「{word}」は重大度ではありません。1〜4 で指定してください。",
        WhichStatus = "ステータスを指定してください。",
        NotAStatus = word => $"「{word}」はステータスではありません。",
        NotADate = word => $"「{word}」は日付ではありません。期限は YYYY-MM-DD で書いてください。",
        WhatNeedsDoing = "何をするアクションアイテムか書いてください。",
        WhatShouldTheNoteSay = "ノートの内容を書いてください。",
        WhatShouldTheUpdateSay = "ステータス更新の内容を書いてください。",
        NoSuchCommand = word => $"「{word}」というコマンドはありません。",
        TakesNoArguments = name => $"`{name}` に引数はありません。",
        Usage = "使い方",
        HelpHeading = "IncidentBot のコマンド:",
        Purposes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["declare"] = "新しいインシデントを宣言する",
            ["role"] = "ロールを引き受ける、または誰かに割り当てる",
            ["sev"] = "重大度を変える",
            ["status"] = "ステータスを進める",
            ["note"] = "タイムラインに1行追加する",
            ["update"] = "関係者向けのステータス更新を投稿する",
            ["summary"] = "ここまでの会話のまとめ",
            ["timeline"] = "タイムラインを表示する",
            ["resolve"] = "インシデントを解決済みにする",
            ["reopen"] = "解決済みのインシデントを再開する",
            ["action"] = "フォローアップのアクションアイテムを追加する。末尾に prevent、detect、mitigate を付けると種類を指定できる",
            ["postmortem"] = "ポストモーテムの下書きを作る",
            ["list"] = "対応中のインシデント",
            ["help"] = "このヘルプ",
        },
        OpeningRoom = room => room switch
        {
            "channel" => " チャンネルを作成しています。",
            "thread" => " スレッドを作成しています。",
            _ => $" {room}を作成しています。",
        },
        WorkingOnIt = "⏳ 処理中です…",
        NoSuchIncident = number => string.Create(CultureInfo.InvariantCulture, $"INC-{number} というインシデントはありません。"),
        OutsideRoom = (name, prefix) => $"`{name}` はインシデントのチャンネル内で使えます。ここでは `{prefix}declare`、`{prefix}list`、`{prefix}help` が使えます。",
        Declared = incident => $"{incident.Key} を宣言しました: {incident.Title}（{incident.Severity.Label()}" +
                               (incident.IsDrill ? "、訓練" : "") + (incident.IsPrivate ? "、非公開" : "") + "）。",
        RoleNow = (holder, role, key) => $"{holder} が {key} の{role}になりました。",
        IsNow = (key, state) => $"{key} は {state} になりました。",
        Noted = key => $"{key} のタイムラインに記録しました。",
        UpdateRecorded = key => $"{key} のステータス更新を記録しました。",
        Resolved = key => $"{key} を解決済みにしました。",
        Reopened = key => $"{key} を再開しました。ステータスは investigating です。",
        Done = (name, key) => $"{key} で {name} を実行しました。",
        ActionAdded = (id, key) => string.Create(CultureInfo.InvariantCulture, $"{key} にアクションアイテム #{id} を追加しました。"),
        NoOpenIncidents = "対応中のインシデントはありません。",
        OpenIncidents = count => string.Create(CultureInfo.InvariantCulture, $"対応中のインシデント {count} 件:"),
        Durations = (detect, acknowledge, mitigate, resolve) => $"検知まで {detect} · 応答まで {acknowledge} · 緩和まで {mitigate} · 解決まで {resolve}",
        RoleTitle = role => role switch
        {
            Role.Commander => "インシデントコマンダー",
            Role.Scribe => "記録係",
            Role.Comms => "広報担当",
            _ => role.Title(),
        },
        TeamsWelcome = declare => $"👋 IncidentBot です。{declare} でインシデントを宣言すると、インシデントごとにルームを作ります。",
        OverviewWhat = incident => $"{incident.Key}「{incident.Title}」は {incident.Severity.Label()} のインシデント{(incident.IsDrill ? " (訓練)" : "")}でした。",
        OverviewBegan = (started, declarer, declared, detectAfter) =>
            $"影響は {started} に始まり、{(detectAfter is null ? "" : $"{detectAfter}後の ")}{declared} に {declarer} が宣言しました。",
        OverviewMitigated = at => $"{at} に緩和しました。",
        OverviewResolved = (at, lasted, how) =>
            $"{at} に{(lasted is null ? "" : $"、影響の開始から {lasted} で")}解決しました{(how is null ? "" : $" (解決時のコメント: {how})")}。",
        OverviewOpen = status => $"まだ解決していません (ステータス {status})。",
        OverviewLastUpdate = (at, text) => $"関係者への最後のステータス更新 ({at}):「{text}」",
        OverviewActions = (count, open) => string.Create(CultureInfo.InvariantCulture, $"アクションアイテムは {count} 件、うち未完了 {open} 件です。"),
        Broken = "何が壊れているか",
        Impact = "影響",
        Tried = "試したこと",
        Decisions = "決定事項とステータス",
        Hypothesis = "現在の仮説",
        Roles = "ロール",
        Questions = "未解決の疑問",
        NextSteps = "次のステップ",
        Links = "リンク",
        NothingYet = "まだありません",
        Unassigned = "未割り当て",
    };
}
