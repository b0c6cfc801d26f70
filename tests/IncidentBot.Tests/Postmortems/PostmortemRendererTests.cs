using IncidentBot.Incidents;

namespace IncidentBot.Postmortems;

public sealed class PostmortemRendererTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 31, 9, 0, 0, TimeSpan.Zero);

    private static string Render(RichIncident rich, string timeZone = "Europe/Berlin") =>
        Renderers.Create(timeZone).Render(rich.Incident, rich.Timeline, rich.ActionItems, Now).Markdown;

    [Fact]
    public void EverySectionOfTheDefaultTemplateIsPresentInOrder()
    {
        var markdown = Render(new RichIncident());

        string[] sections =
        [
            "# Postmortem: INC-42 Payments API down", "## Summary", "## Impact", "## Timeline", "## Detection", "### Alerts", "## Response",
            "### Roles", "## Root causes and contributing factors", "## What went well", "## What went poorly", "## Where we got lucky",
            "## Action items", "## Communication", "## Lessons", "## Blameless language check",
        ];
        var positions = sections.Select(s => markdown.IndexOf("\n" + s + "\n", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions.Skip(1));
        Assert.StartsWith(sections[0], markdown, StringComparison.Ordinal);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void TimelineTimesAreInUtcAndInTheConfiguredZoneAcrossTheClockChange()
    {
        var markdown = Render(new RichIncident());

        Assert.Contains("| UTC | Europe/Berlin | Who | Event | What |", markdown, StringComparison.Ordinal);
        // Before 01:00 UTC Berlin is on CET (+01:00), after it on CEST (+02:00).
        Assert.Contains("| 2025-03-30 00:58:00 | 2025-03-30 01:58:00 +01:00 | @carol | note | Error rate at 30% since the 00:40 deploy of payments v42 \\| canary skipped |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2025-03-30 01:20:30 | 2025-03-30 03:20:30 +02:00 | @bob | resolved | Resolved: rolled back payments v42 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Impact started | 2025-03-30 00:42:00 UTC (2025-03-30 01:42:00 +01:00) |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void TimesInTheUtcZoneShowOneColumn()
    {
        var markdown = Render(new RichIncident(), "UTC");

        Assert.Contains("All times UTC.\n\n| UTC | Who | Event | What |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2025-03-30 01:20:30 | @bob | resolved |", markdown, StringComparison.Ordinal);
        Assert.Contains("| UTC | Source | Event | Alert |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Impact started | 2025-03-30 00:42:00 UTC |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| UTC | UTC |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("+00:00", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void TokyoTimesShowBesideUtcWithTheirDates()
    {
        var markdown = Render(new RichIncident(), "Asia/Tokyo");

        Assert.Contains("All times UTC, with Asia/Tokyo beside them.", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2025-03-30 01:20:30 | 2025-03-30 10:20:30 +09:00 | @bob | resolved |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Impact started | 2025-03-30 00:42:00 UTC (2025-03-30 09:42:00 +09:00) |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSummaryIsDraftedFromTheIncidentAsItEndedAndCatchUpsAreOneLineEach()
    {
        var markdown = Render(new RichIncident(), "Asia/Tokyo");
        var start = markdown.IndexOf("## Summary\n", StringComparison.Ordinal);
        var summary = markdown[start..markdown.IndexOf("\n## Impact", start, StringComparison.Ordinal)];

        Assert.Contains(
            "INC-42 \"Payments API down\" was a SEV1 incident. Impact began at 2025-03-30 00:42:00 UTC (2025-03-30 09:42:00 +09:00); "
            + "@alertmanager declared it at 2025-03-30 00:50:00 UTC (2025-03-30 09:50:00 +09:00), 8m 00s later. "
            + "It was mitigated at 2025-03-30 01:15:00 UTC (2025-03-30 10:15:00 +09:00). "
            + "It was resolved at 2025-03-30 01:20:30 UTC (2025-03-30 10:20:30 +09:00), 38m 30s after impact began: rolled back payments v42. "
            + "The last status update to stakeholders, at 2025-03-30 01:19:00 UTC (2025-03-30 10:19:00 +09:00): \"Payments have recovered; we are monitoring.\" "
            + "3 action item(s), 2 open.",
            summary, StringComparison.Ordinal);
        Assert.Contains("- 2025-03-30 01:00:00 UTC (2025-03-30 10:00:00 +09:00), @incidentbot: Earlier summary: errors started after a deploy.\n", summary, StringComparison.Ordinal);
        Assert.Contains("- 2025-03-30 01:19:00 UTC (2025-03-30 10:19:00 +09:00), @incidentbot: Latest summary: v42 rolled back at 01:14 UTC; · error rate back to 0.1%.\n", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("> ", summary, StringComparison.Ordinal);
        Assert.Contains("| 2025-03-30 01:19:00 | 2025-03-30 10:19:00 +09:00 | @incidentbot | summary posted | Latest summary: v42 rolled back at 01:14 UTC; · error rate back to 0.1%. |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIncidentStillOpenSaysSoInItsSummary()
    {
        var (incident, declared) = Incident.Declare(9, new Declaration("Slow search"), "alice", RichIncident.Declared);

        var markdown = Renderers.Create("UTC").Render(incident, [declared with { Id = 1 }], [], Now).Markdown;

        Assert.Contains("It is not resolved yet (status investigating).", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Catch-ups posted", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void DurationsAreMeasuredFromTheKeyInstants()
    {
        var markdown = Render(new RichIncident());

        // Impact 00:42, detected and declared 00:50, commander 00:53, monitoring 01:15, resolved 01:20:30.
        Assert.Contains("| Time to detect | 8m 00s |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Time to acknowledge | 3m 00s |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Time to mitigate | 33m 00s |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Time to resolve | 38m 30s |", markdown, StringComparison.Ordinal);
        Assert.Contains("impact lasted 38m 30s", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void FactsTheBotKnowsFillTheirSections()
    {
        var markdown = Render(new RichIncident());

        Assert.Contains("Detected by an alert at 2025-03-30 00:50:00 UTC (2025-03-30 01:50:00 +01:00): PaymentsErrorRate firing", markdown, StringComparison.Ordinal);
        Assert.Contains("1 alert(s) fired and 1 resolved", markdown, StringComparison.Ordinal);
        Assert.Contains("| @alertmanager | alert resolved | PaymentsErrorRate resolved |", markdown, StringComparison.Ordinal);
        Assert.Contains("- 2025-03-30 01:10:00 UTC (2025-03-30 03:10:00 +02:00): bob is now Incident Commander (handed over from alice)", markdown, StringComparison.Ordinal);
        Assert.Contains("| Incident Commander | @bob |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Scribe | @carol |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Comms lead | unassigned |", markdown, StringComparison.Ordinal);
        Assert.Contains("- 2025-03-30 00:59:00 UTC (2025-03-30 01:59:00 +01:00), @dan: Card payments are failing for some customers; we are investigating.", markdown, StringComparison.Ordinal);
        Assert.Contains("- 2025-03-30 01:19:00 UTC (2025-03-30 03:19:00 +02:00), @dan: Payments have recovered; we are monitoring.", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Severity:** SEV1 (changes: Severity SEV2 → SEV1 at 2025-03-30 00:55:00 UTC (2025-03-30 01:55:00 +01:00)).", markdown, StringComparison.Ordinal);
        Assert.Contains("| 1 | Add a canary stage to the payments deploy | prevent | @erin | 2025-04-30 | open |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2 | Alert on payment 5xx ratio above 5% | detect | @frank | — | done |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 3 | Write the payments rollback runbook | mitigate | — | — | open |", markdown, StringComparison.Ordinal);
        Assert.Contains("2 open.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void NarrativeSectionsStayMarkedForPeopleToFill()
    {
        var markdown = Render(new RichIncident());

        foreach (var section in new[] { "## Root causes and contributing factors", "## What went well", "## What went poorly", "## Where we got lucky", "## Lessons" })
        {
            var start = markdown.IndexOf(section, StringComparison.Ordinal);
            var next = markdown.IndexOf("\n## ", start + section.Length, StringComparison.Ordinal);
            Assert.Contains("_To fill", markdown[start..next], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void BlamingSentencesAreListedInTheirSectionAndNeutralOnesAreNot()
    {
        var markdown = Render(new RichIncident());
        var section = markdown[markdown.IndexOf("## Blameless language check", StringComparison.Ordinal)..];

        Assert.Contains("- note by @carol at 2025-03-30 01:04 UTC: \"Dave forgot to run the migration before the deploy.\" — _forgot_:", section, StringComparison.Ordinal);
        Assert.DoesNotContain("canary skipped", section, StringComparison.Ordinal);
        Assert.DoesNotContain("No blaming language", section, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIncidentWithoutBlameOrAlertsSaysSo()
    {
        var (incident, declared) = Incident.Declare(9, new Declaration("Slow search"), "alice", RichIncident.Declared);

        var markdown = Renderers.Create().Render(incident, [declared with { Id = 1 }], [], Now).Markdown;

        Assert.Contains("No blaming language found", markdown, StringComparison.Ordinal);
        Assert.Contains("No alert fired for this incident.", markdown, StringComparison.Ordinal);
        Assert.Contains("Noticed by people: @alice declared the incident at 2025-03-30 00:50:00 UTC", markdown, StringComparison.Ordinal);
        Assert.Contains("No status updates were posted.", markdown, StringComparison.Ordinal);
        Assert.Contains("| Resolved | not yet |", markdown, StringComparison.Ordinal);
    }
}
