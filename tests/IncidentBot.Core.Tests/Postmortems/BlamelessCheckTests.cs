namespace IncidentBot.Postmortems;

public class BlamelessCheckTests
{
    [Theory]
    [InlineData("It was Bob's fault that the deploy went out.", "Bob's fault")]
    [InlineData("The outage was the fault of @carol.", "fault of @carol")]
    [InlineData("Root cause: human error during the failover.", "human error")]
    [InlineData("Dave forgot to renew the certificate.", "forgot")]
    [InlineData("The on-call should have checked the dashboard first.", "should have")]
    [InlineData("Whoever shouldn't have merged that PR knows who they are.", "shouldn't have")]
    [InlineData("A careless config change took the cluster down.", "careless")]
    [InlineData("That was a sloppy rollout.", "sloppy")]
    [InlineData("Nobody is to blame, but the script was run twice.", "to blame")]
    [InlineData("Someone dropped the ball on the renewal.", "dropped the ball")]
    [InlineData("The database was wiped because of @erin.", "because of @erin")]
    [InlineData("@frank broke the build at 13:00.", "@frank broke")]
    [InlineData("The incident was caused by <@U0123|gina>.", "caused by <@U0123|gina>")]
    public void BlamingSentencesAreFlaggedWithTheWordsThatTrippedTheCheck(string sentence, string phrase)
    {
        var flag = BlamelessCheck.CheckSentence(sentence);

        Assert.NotNull(flag);
        Assert.Equal(phrase, flag.Phrase, ignoreCase: true);
        Assert.Equal(sentence, flag.Sentence);
    }

    [Theory]
    [InlineData("The deploy pipeline rolled out v42 without a canary stage.")]
    [InlineData("@alice rolled back the deploy at 13:05 and latency recovered.")]
    [InlineData("The fault was in the connection pool sizing.")]
    [InlineData("Human-readable logs made the queue backlog easy to spot.")]
    [InlineData("The database failed over to the replica within 40 seconds.")]
    [InlineData("Alerting fired 4 minutes after the error rate rose.")]
    [InlineData("The retry storm was caused by the client library's default backoff.")]
    [InlineData("We would have caught it sooner with a queue depth alert.")]
    public void NeutralSentencesAreNotFlagged(string sentence) =>
        Assert.Null(BlamelessCheck.CheckSentence(sentence, "alice", "bob"));

    [Fact]
    public void AKnownPersonNamedAsTheCauseIsFlaggedEvenWithoutAnAtSign()
    {
        var flag = BlamelessCheck.CheckSentence("The queue filled up because of Henrik.", "henrik");

        Assert.NotNull(flag);
        Assert.Contains("person", flag.Reason, StringComparison.Ordinal);
        Assert.Null(BlamelessCheck.CheckSentence("The queue filled up because of Henrik.", "alice"));
    }

    [Fact]
    public void EachFlaggedSentenceOfAPassageIsListedWithItsSource()
    {
        var flags = BlamelessCheck.Check(
            [
                new Passage("note by @alice", "Error rate at 30%. Bob forgot the feature flag. Rolled back at 13:05."),
                new Passage("status update by @carol", "Payments are recovering."),
                new Passage("resolution", "Fixed. In hindsight we should have load tested."),
            ],
            ["alice", "bob", "carol"]);

        Assert.Equal(["note by @alice", "resolution"], flags.Select(f => f.Source));
        Assert.Equal(["Bob forgot the feature flag.", "In hindsight we should have load tested."], flags.Select(f => f.Sentence));
    }
}
