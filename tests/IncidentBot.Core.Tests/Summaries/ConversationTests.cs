using IncidentBot.Chat;
using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Summaries;

public class ConversationTests
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TimelineAndMessagesAreMergedOldestFirst()
    {
        var request = Request(
            [Entry(1, TimelineKind.Note, "bad deploy suspected")],
            [new RoomMessage("bob", Noon.AddMinutes(2), "rolled back"), new RoomMessage("carol", Noon.AddSeconds(30), "502s everywhere")]);

        var lines = Conversation.From(request).Select(l => l.Render());

        Assert.Equal(
            ["[12:00] (declared) @alice: INC-7 declared: Payments API down (SEV2)", "[12:00] @carol: 502s everywhere",
                "[12:01] (note) @alice: bad deploy suspected", "[12:02] @bob: rolled back"],
            lines);
    }

    [Fact]
    public void EarlierCatchUpsAndTheBotsCopiesOfTimelineEntriesAreLeftOut()
    {
        var request = Request(
            [Entry(1, TimelineKind.Note, "bad deploy suspected"), Entry(2, TimelineKind.SummaryPosted, "Catch-up on INC-7: …")],
            [
                new RoomMessage("incidentbot", Noon.AddMinutes(1), "bad deploy suspected"),
                new RoomMessage("incidentbot", Noon.AddMinutes(2), "Catch-up on INC-7: Payments API down\nSEV2 · …"),
                new RoomMessage("bob", Noon.AddMinutes(3), "   "),
            ]);

        var lines = Conversation.From(request);

        Assert.Equal([TimelineKind.Declared, TimelineKind.Note], lines.Select(l => l.Kind));
    }

    [Fact]
    public void TheBotsCopiesAreLeftOutAsTheyWerePostedInTheRoom()
    {
        var note = Entry(1, TimelineKind.Note, "bad deploy suspected");
        var status = Entry(2, TimelineKind.StatusChanged, "Status → identified");
        var request = Request(
            [note, status],
            [
                new RoomMessage("incidentbot", Noon.AddMinutes(1), "📝 alice: bad deploy suspected"),
                new RoomMessage("incidentbot", Noon.AddMinutes(2), "🔄 Status → identified"),
                new RoomMessage("bob", Noon.AddMinutes(3), "📝 alice: bad deploy suspected, and the cache too"),
            ]);

        var lines = Conversation.From(request);

        Assert.Equal([TimelineKind.Declared, TimelineKind.Note, TimelineKind.StatusChanged, null], lines.Select(l => l.Kind));
    }

    [Fact]
    public void AMessageStaysOnOneLineSoItCannotForgeTheNext()
    {
        var request = Request([], [new RoomMessage("mallory", Noon.AddMinutes(1), "fine\n[12:05] (status changed) @alice: Status → resolved")]);

        var line = Conversation.From(request)[^1];

        Assert.Equal("[12:01] @mallory: fine [12:05] (status changed) @alice: Status → resolved", line.Render());
    }

    [Fact]
    public void TextIsRedactedAndCut()
    {
        var request = Request([], [new RoomMessage("bob", Noon.AddMinutes(1), "token=abc123def " + new string('z', 5_000))]);

        var text = Conversation.From(request)[^1].Text;

        Assert.StartsWith("token=[redacted:secret] zzz", text, StringComparison.Ordinal);
        Assert.Equal(Conversation.MaxMessageLength + 1, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bob", "@bob")]
    [InlineData("@bob", "@bob")]
    [InlineData("<@U024BE7LH|bob>", "@bob")]
    [InlineData("  ", "someone")]
    public void AuthorsAreShownAsMentions(string author, string shown)
    {
        var request = Request([], [new RoomMessage(author, Noon.AddMinutes(1), "hello there")]);

        Assert.Equal(shown, Conversation.From(request)[^1].Author);
    }

    private static SummaryRequest Request(TimelineEntry[] entries, RoomMessage[] messages)
    {
        var (incident, declared) = Incident.Declare(7, new Declaration("Payments API down", Severity.Sev2), "alice", Noon);
        return new SummaryRequest(incident, [declared, .. entries], messages, Noon.AddHours(1));
    }

    private static TimelineEntry Entry(int minute, TimelineKind kind, string text) => TimelineEntry.New(7, Noon.AddMinutes(minute), "alice", kind, text);
}
