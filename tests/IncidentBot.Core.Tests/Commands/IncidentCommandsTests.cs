using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Support;
using IncidentBot.Timeline;

namespace IncidentBot.Commands;

public class IncidentCommandsTests
{
    private readonly InMemoryIncidentLedger _ledger = new();

    private Task<CommandOutcome> Run(string text, int? incident = null, string actor = "alice", int minute = 0) =>
        IncidentCommands.ExecuteAsync(_ledger, CommandParser.Parse(text).Command!, new CommandContext(actor, incident, Some.Noon.AddMinutes(minute)), default);

    [Fact]
    public async Task DeclaringNumbersIncidentsOneTwoThree()
    {
        var first = await Run("declare One");
        var second = await Run("declare Two");

        Assert.Equal("INC-1", first.Incident!.Key);
        Assert.Equal("INC-2", second.Incident!.Key);
        Assert.Equal(TimelineKind.Declared, Assert.Single(second.Written).Kind);
    }

    [Fact]
    public async Task EveryChangeWritesOneTimelineEntryInOrder()
    {
        await Run("declare Payments API down sev2");
        await Run("role commander", 1, minute: 1);
        await Run("sev 1", 1, minute: 2);
        await Run("status identified", 1, minute: 3);
        await Run("note bad deploy of payments v42", 1, minute: 4);
        await Run("update We are rolling back", 1, minute: 5);
        await Run("action add canary @bob", 1, minute: 6);
        await Run("resolve rolled back", 1, minute: 7);

        Assert.Equal(
            [TimelineKind.Declared, TimelineKind.RoleAssigned, TimelineKind.SeverityChanged, TimelineKind.StatusChanged, TimelineKind.Note,
             TimelineKind.StatusUpdate, TimelineKind.ActionAdded, TimelineKind.Resolved],
            _ledger.Timeline.Select(e => e.Kind));
        Assert.Equal(_ledger.Timeline.OrderBy(e => e.At).Select(e => e.Id), _ledger.Timeline.Select(e => e.Id));
    }

    [Fact]
    public async Task ANoteOrAnUpdateOnlyWritesItsEntryWhileAChangeAlsoStoresTheIncident()
    {
        await Run("declare X");
        var before = _ledger.Updates;

        await Run("note checked the dashboards", 1);
        await Run("update Still investigating", 1);
        var afterRecords = _ledger.Updates;
        await Run("sev 1", 1);

        Assert.Equal(before, afterRecords);
        Assert.Equal(before + 1, _ledger.Updates);
        Assert.Equal([TimelineKind.Declared, TimelineKind.Note, TimelineKind.StatusUpdate, TimelineKind.SeverityChanged], _ledger.Timeline.Select(e => e.Kind));
    }

    [Fact]
    public async Task RoleWithoutAUserGoesToTheOneAsking()
    {
        await Run("declare X");

        var outcome = await Run("role scribe", 1, actor: "dave");

        Assert.Equal("dave", outcome.Incident!.Scribe);
    }

    [Fact]
    public async Task ARefusedTransitionAnswersClearlyAndWritesNothing()
    {
        await Run("declare X");
        await Run("resolve", 1);
        var entries = _ledger.Timeline.Count;

        var outcome = await Run("status monitoring", 1);

        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
        Assert.Contains("reopen", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(entries, _ledger.Timeline.Count);
        Assert.Equal(IncidentStatus.Resolved, (await _ledger.FindAsync(1, default))!.Status);
    }

    [Theory]
    [InlineData("sev 1")]
    [InlineData("note hello")]
    [InlineData("timeline")]
    [InlineData("resolve")]
    public async Task IncidentCommandsOutsideARoomSayWhereTheyWork(string text)
    {
        var outcome = await Run(text);

        Assert.Equal(OutcomeKind.NeedsIncident, outcome.Kind);
        Assert.Contains("incident room", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownIncidentIsNotFound() => Assert.Equal(OutcomeKind.NotFound, (await Run("sev 1", 99)).Kind);

    [Fact]
    public async Task ListShowsOnlyOpenIncidents()
    {
        await Run("declare Open one");
        await Run("declare Closed one");
        await Run("resolve", 2);

        var outcome = await Run("list");

        Assert.Contains("INC-1", outcome.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("INC-2", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimelineShowsTheEntriesOldestFirst()
    {
        await Run("declare X");
        await Run("note first", 1, minute: 1);
        await Run("note second", 1, minute: 2);

        var text = (await Run("timeline", 1)).Message;

        Assert.True(text.IndexOf("first", StringComparison.Ordinal) < text.IndexOf("second", StringComparison.Ordinal));
        Assert.Contains("12:02:00 UTC", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveRepliesWithTheDurations()
    {
        await Run("declare X");
        await Run("role commander", 1, minute: 2);

        var outcome = await Run("resolve", 1, minute: 30);

        Assert.Contains("acknowledge 2m 00s", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("resolve 30m 00s", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpListsEveryCommandWithThePlatformPrefix()
    {
        var outcome = await IncidentCommands.ExecuteAsync(_ledger, new HelpCommand(null), new CommandContext("a", null, Some.Noon, "/incident "), default);

        Assert.Contains("`/incident declare <title>", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("`/incident postmortem`", outcome.Message, StringComparison.Ordinal);
    }
}
