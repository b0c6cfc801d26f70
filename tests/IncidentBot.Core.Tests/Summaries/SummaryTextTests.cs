using IncidentBot.Support;

namespace IncidentBot.Summaries;

public class SummaryTextTests
{
    [Fact]
    public void TheHeadingStateAndSourceComeBeforeTheBody()
    {
        var request = PaymentsOutage.Request();

        var text = SummaryText.Compose(request, "Extractive summary (built in)", "What is broken\n• payments-api\n");

        Assert.Equal(
            "Catch-up on INC-42: Payments API down\nSEV1 · monitoring · declared 27m 00s ago\n"
            + "Extractive summary (built in) · from 9 timeline entries and 24 room messages\n\n"
            + "What is broken\n• payments-api\n\nTime to detect 3m 00s · acknowledge 0ms · mitigate 20m 00s · resolve —\n",
            text);
    }
}
