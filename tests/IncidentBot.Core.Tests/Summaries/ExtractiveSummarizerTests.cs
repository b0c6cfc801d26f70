using IncidentBot.Support;
using static IncidentBot.Support.PaymentsOutage;

namespace IncidentBot.Summaries;

public class ExtractiveSummarizerTests
{
    private static readonly string Summary = ExtractiveSummarizer.Write(Request());

    [Fact]
    public void SectionsComeUnderEveryHeadingInOrder()
    {
        var positions = Headings.All.Select(h => Summary.IndexOf(h + "\n", StringComparison.Ordinal)).ToList();

        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void WhatIsBrokenNamesTheFailingService()
    {
        var broken = Section(Summary, Headings.Broken);

        Assert.Contains("13:03 @alice: INC-42 declared: Payments API down (SEV2)", broken, StringComparison.Ordinal);
        Assert.Contains("13:01 @bob: payments-api is returning 502 on POST /v1/charges since about 13:00.", broken, StringComparison.Ordinal);
    }

    [Fact]
    public void ImpactCarriesTheNumbers()
    {
        var impact = Section(Summary, Headings.Impact);

        Assert.Contains("@carol: About 40% of card payments are failing in EU and US.", impact, StringComparison.Ordinal);
        Assert.Contains("@carol: Card payments are failing for some customers in the EU and US", impact, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRollbackDecisionAndStatusChangesAreThere()
    {
        var decisions = Section(Summary, Headings.Decisions);

        Assert.Contains("13:13 @alice: ok, decision: we roll back payments-api to v41.", decisions, StringComparison.Ordinal);
        Assert.Contains("@alice: Severity SEV2 → SEV1", decisions, StringComparison.Ordinal);
        Assert.Contains("@alice: Status identified → monitoring", decisions, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatWasTriedKeepsTheFailedRestartAndTheRollback()
    {
        var tried = Section(Summary, Headings.Tried);

        Assert.Contains("@bob: restarted two payments-api pods, didn't help.", tried, StringComparison.Ordinal);
        Assert.Contains("@bob: rollback complete, all 12 pods on v41.", tried, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLatestHypothesisIsAmongTheCurrentOnes()
    {
        var hypothesis = Section(Summary, Headings.Hypothesis);

        Assert.Contains("@frank: The config PR https://github.example.com/payments/pull/1234 lowered it by mistake, looks like a typo in the pool size.",
            hypothesis, StringComparison.Ordinal);
        Assert.Contains("@dave: I think the new connection pool settings in v42 are the culprit", hypothesis, StringComparison.Ordinal);
    }

    [Fact]
    public void RolesNameWhoHoldsThem()
    {
        Assert.Equal("• Incident Commander: @alice\n• Scribe: @dave\n• Comms lead: @carol", Section(Summary, Headings.Roles));
    }

    [Fact]
    public void OpenQuestionsAndNextStepsAreTheLatestOnes()
    {
        var questions = Section(Summary, Headings.Questions);
        var next = Section(Summary, Headings.NextSteps);

        Assert.Contains("@bob: Are refunds also affected by the bad pool size?", questions, StringComparison.Ordinal);
        Assert.Contains("@alice: Next: keep an eye on the error rate for 30 minutes, then resolve.", next, StringComparison.Ordinal);
        Assert.Contains("@dave: #1 Add a pool-size check to the payments-api CI (owner @dave)", next, StringComparison.Ordinal);
        Assert.Contains("@carol: I'll post an update to the status page at 13:30.", next, StringComparison.Ordinal);
    }

    [Fact]
    public void LinksAreListedOnceEach()
    {
        var links = Section(Summary, "Links");

        Assert.Equal(
            "• https://grafana.example.com/d/payments?from=now-1h (@bob 13:05)\n• https://github.example.com/payments/pull/1234 (@frank 13:22)",
            links.TrimEnd());
    }

    [Fact]
    public void ChatterIsLeftOut()
    {
        string[] chatter = ["👀", "brb coffee", "on it", "thanks all", "anything changed recently?"];

        Assert.All(chatter, c => Assert.DoesNotContain(c, Summary, StringComparison.Ordinal));
    }

    [Fact]
    public void TheSameRoomGivesTheSameSummary() => Assert.Equal(Summary, ExtractiveSummarizer.Write(Request()));

    [Fact]
    public void AFiveThousandMessageRoomStillYieldsTheFactsInAShortSummary()
    {
        var request = Request(padding: 5_000 - 24);

        var summary = ExtractiveSummarizer.Write(request);

        Assert.Equal(5_000, request.Messages.Count);
        Assert.True(summary.Length < 4_000, $"{summary.Length} characters");
        Assert.Contains("payments-api is returning 502", summary, StringComparison.Ordinal);
        Assert.Contains("40% of card payments are failing", summary, StringComparison.Ordinal);
        Assert.Contains("we roll back payments-api to v41", summary, StringComparison.Ordinal);
        Assert.Contains("• Incident Commander: @alice", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("following along", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretsSaidInTheRoomAreNotQuoted()
    {
        var request = Request();
        var leaked = request with
        {
            Messages = [.. request.Messages, new Chat.RoomMessage("bob", Start.AddMinutes(27), "restarted with DB_PASSWORD=hunter2 and it failed again")],
        };

        var summary = ExtractiveSummarizer.Write(leaked);

        Assert.Contains("@bob: restarted with DB_PASSWORD=[redacted:secret] and it failed again", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", summary, StringComparison.Ordinal);
    }

    // The English room, word for word as summarised before the summariser learnt Japanese.
    [Fact]
    public void TheEnglishRoomGivesTheSummaryItGaveBeforeJapaneseCues() => Assert.Equal(
        """
        What is broken
        • 13:01 @bob: payments-api is returning 502 on POST /v1/charges since about 13:00.
        • 13:01 @bob: p99 latency is 12s.
        • 13:03 @alice: INC-42 declared: Payments API down (SEV2)

        Impact
        • 13:04 @carol: About 40% of card payments are failing in EU and US.
        • 13:16 @carol: Card payments are failing for some customers in the EU and US; we are rolling back a change.
        • 13:19 @carol: error rate dropping, 502s down to 2%.

        What has been tried
        • 13:09 @bob: restarted two payments-api pods, didn't help.
        • 13:15 @bob: rollback to v41 started, 3 of 12 pods done
        • 13:18 @bob: rollback complete, all 12 pods on v41.

        Decisions and status
        • 13:05 @alice: Severity SEV2 → SEV1
        • 13:13 @alice: Status investigating → identified
        • 13:13 @alice: ok, decision: we roll back payments-api to v41.
        • 13:13 @alice: Bob, go ahead.
        • 13:20 @alice: Status identified → monitoring

        Current hypothesis
        • 13:08 @dave: I think the new connection pool settings in v42 are the culprit, pool max went from 50 to 5.
        • 13:22 @frank: The config PR https://github.example.com/payments/pull/1234 lowered it by mistake, looks like a typo in the pool size.

        Roles
        • Incident Commander: @alice
        • Scribe: @dave
        • Comms lead: @carol

        Open questions
        • 13:11 @frank: could it be the stripe webhook backlog?
        • 13:21 @dave: Do we know why the pool setting changed in v42?
        • 13:26 @bob: Are refunds also affected by the bad pool size?

        Next steps
        • 13:23 @carol: I'll post an update to the status page at 13:30.
        • 13:24 @alice: Next: keep an eye on the error rate for 30 minutes, then resolve.
        • 13:25 @dave: #1 Add a pool-size check to the payments-api CI (owner @dave)

        Links
        • https://grafana.example.com/d/payments?from=now-1h (@bob 13:05)
        • https://github.example.com/payments/pull/1234 (@frank 13:22)

        """,
        Summary);
}
