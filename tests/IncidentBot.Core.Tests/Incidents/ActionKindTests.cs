namespace IncidentBot.Incidents;

public class ActionKindTests
{
    [Theory]
    [InlineData("add a queue depth alert for orders", ActionKind.Detect)]
    [InlineData("dashboard for checkout latency", ActionKind.Detect)]
    [InlineData("write a runbook for the payments failover", ActionKind.Mitigate)]
    [InlineData("add a kill switch feature flag to the recommender", ActionKind.Mitigate)]
    [InlineData("add a canary stage to the deploy pipeline", ActionKind.Prevent)]
    [InlineData("validate config changes in CI", ActionKind.Prevent)]
    public void TheKindIsInferredFromTheWords(string text, ActionKind kind) => Assert.Equal(kind, ActionKindText.Infer(text));

    [Theory]
    [InlineData("talk to the vendor")]
    [InlineData("add an alert and a runbook")]
    public void NoKindIsGuessedWhenTheWordsDoNotTellOrDisagree(string text) => Assert.Null(ActionKindText.Infer(text));
}
