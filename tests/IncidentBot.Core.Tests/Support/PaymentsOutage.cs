using IncidentBot.Chat;
using IncidentBot.Incidents;
using IncidentBot.Summaries;
using IncidentBot.Timeline;

namespace IncidentBot.Support;

/// <summary>
/// A realistic incident room, written for the tests: a bad deploy of payments-api, a wrong first guess, a failed
/// restart, a rollback decision, recovery, with the chatter and asides of a real channel.
/// </summary>
public static class PaymentsOutage
{
    public static readonly DateTimeOffset Start = new(2025, 3, 4, 13, 0, 0, TimeSpan.Zero);

    public static SummaryRequest Request(int padding = 0)
    {
        var (incident, declared) = Incident.Declare(42, new Declaration("Payments API down", Severity.Sev2), "alice", At(3), startedAt: At(0));
        var timeline = new List<TimelineEntry> { declared };
        timeline.AddRange(incident.AssignRole(Role.Commander, "alice", "alice", At(3)).Entries);
        timeline.AddRange(incident.AssignRole(Role.Scribe, "dave", "alice", At(4)).Entries);
        timeline.AddRange(incident.AssignRole(Role.Comms, "carol", "alice", At(4)).Entries);
        timeline.AddRange(incident.ChangeSeverity(Severity.Sev1, "alice", At(5)).Entries);
        timeline.AddRange(incident.ChangeStatus(IncidentStatus.Identified, "alice", At(13)).Entries);
        timeline.Add(incident.Record(TimelineKind.StatusUpdate, "Card payments are failing for some customers in the EU and US; we are rolling back a change.", "carol", At(16)));
        timeline.AddRange(incident.ChangeStatus(IncidentStatus.Monitoring, "alice", At(20)).Entries);
        timeline.Add(incident.Record(TimelineKind.ActionAdded, "#1 Add a pool-size check to the payments-api CI (owner @dave)", "dave", At(25)));

        var messages = new List<RoomMessage>
        {
            Said(1, "bob", "payments-api is returning 502 on POST /v1/charges since about 13:00. p99 latency is 12s."),
            Said(2, "erin", "👀"),
            Said(3, "alice", "declaring, I'll take IC."),
            Said(4, "carol", "Support says customers can't complete checkout. About 40% of card payments are failing in EU and US."),
            Said(5, "bob", "Grafana: https://grafana.example.com/d/payments?from=now-1h"),
            Said(6, "frank", "anything changed recently?"),
            Said(6, "bob", "payments-api v42 was deployed at 12:58 by the release train."),
            Said(7, "erin", "same here, brb coffee"),
            Said(8, "dave", "I think the new connection pool settings in v42 are the culprit, pool max went from 50 to 5."),
            Said(9, "bob", "restarted two payments-api pods, didn't help. Errors came back within a minute."),
            Said(10, "erin", "db CPU is fine at 35%, not the database."),
            Said(11, "frank", "could it be the stripe webhook backlog?"),
            Said(12, "bob", "no, stripe status is green and the webhook queue is empty."),
            Said(13, "alice", "ok, decision: we roll back payments-api to v41. Bob, go ahead."),
            Said(13, "bob", "on it"),
            Said(15, "bob", "rollback to v41 started, 3 of 12 pods done"),
            Said(18, "bob", "rollback complete, all 12 pods on v41."),
            Said(19, "carol", "error rate dropping, 502s down to 2%."),
            Said(21, "dave", "Do we know why the pool setting changed in v42?"),
            Said(22, "frank", "The config PR https://github.example.com/payments/pull/1234 lowered it by mistake, looks like a typo in the pool size."),
            Said(23, "carol", "I'll post an update to the status page at 13:30."),
            Said(24, "alice", "Next: keep an eye on the error rate for 30 minutes, then resolve. Dave, please add an action for a pool-size check in CI."),
            Said(25, "erin", "thanks all"),
            Said(26, "bob", "Are refunds also affected by the bad pool size?"),
        };
        for (var i = 0; i < padding; i++)
        {
            messages.Add(Said(27 + (i / 100), Chatty[i % Chatty.Length].Author, Chatty[(i / 7) % Chatty.Length].Text));
        }

        return new SummaryRequest(incident, timeline, messages, At(30 + (padding / 100)));
    }

    /// <summary>The text under <paramref name="heading"/>, up to the next blank line.</summary>
    public static string Section(string summary, string heading)
    {
        var start = summary.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '{heading}' in:\n{summary}");
        var body = summary[(start + heading.Length + 1)..];
        var end = body.IndexOf("\n\n", StringComparison.Ordinal);
        return end < 0 ? body : body[..end];
    }

    private static readonly (string Author, string Text)[] Chatty =
    [
        ("erin", "+1"), ("frank", "following along"), ("gina", "joining late, reading up"), ("hugo", "lol"),
        ("erin", "anyone else seeing slack lag"), ("gina", "ok"), ("frank", "thanks for the update"),
        ("hugo", "same"), ("ivan", "watching the dashboards"), ("gina", "ack"), ("ivan", "back in 5"),
    ];

    private static DateTimeOffset At(int minute) => Start.AddMinutes(minute);

    private static RoomMessage Said(int minute, string author, string text) => new(author, At(minute), text);
}
