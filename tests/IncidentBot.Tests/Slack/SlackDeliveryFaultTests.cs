using IncidentBot.Support;

namespace IncidentBot.Slack;

/// <summary>Delivery faults seen under fault injection: none may hold a room, delay another room, or post twice.</summary>
public sealed class SlackDeliveryFaultTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private static int Count(IEnumerable<SlackCall> calls, string text) => calls.Count(c => c.Arg("text").Contains(text, StringComparison.Ordinal));

    [Fact]
    public async Task ARefusedBookmarkAndPinDoNotRepeatTheWelcomeOrHoldTheAnnouncementOrTheNextNote()
    {
        _slack.Refusals["bookmarks.add"] = "missing_scope";
        _slack.Refusals["pins.add"] = "missing_scope";
        var settings = SlackBot.Settings(_slack);
        // Were a refusal retried, the next try would come only after a minute: longer than any wait below.
        settings["Jobs:RetryBaseDelayMilliseconds"] = "60000";
        settings["Jobs:RetryMaxDelaySeconds"] = "60";
        using var app = new BotApp(settings: settings);
        var client = app.CreateClient();

        var number = await client.DeclareAsync("Bookmarks are not allowed here", "SEV2");
        await client.CommandAsync(number, "note the first note");
        await Wait.Until(() => Count(_slack.Accepted("chat.postMessage"), "the first note") == 1, "the first note");

        Assert.Single(_slack.Accepted("chat.postMessage"), c => c.Arg("channel") == SlackBot.Announcements);
        Assert.Single(_slack.Accepted("chat.postMessage"), c => c.Body?["blocks"] is not null);
        Assert.Single(_slack.Calls, c => c.Method == "bookmarks.add");
        Assert.Single(_slack.Calls, c => c.Method == "pins.add");
    }

    [Fact]
    public async Task WhileOneRoomsPostsAreHeldANoteInAnotherRoomArrives()
    {
        using var app = SlackBot.Start(_slack);
        var client = app.CreateClient();
        var slow = await client.DeclareAsync("The slow room");
        await Wait.Until(() => _slack.Accepted("pins.add").Count == 1, "the slow room to open");
        var fast = await client.DeclareAsync("The other room");
        await Wait.Until(() => _slack.Accepted("pins.add").Count == 2, "the other room to open");
        var slowChannel = _slack.Accepted("conversations.create")[0].Arg("name") == "inc-1-the-slow-room"
            ? _slack.Accepted("pins.add")[0].Arg("channel")
            : _slack.Accepted("pins.add")[1].Arg("channel");
        var gate = new TaskCompletionSource();
        _slack.HeldChannels[slowChannel] = gate.Task;
        try
        {
            await client.CommandAsync(slow, "note held in the slow room");
            await Wait.Until(() => _slack.Waiting == 1, "the slow room's post to be held");

            await client.CommandAsync(fast, "note arrives all the same");

            await Wait.Until(() => Count(_slack.Accepted("chat.postMessage"), "arrives all the same") == 1, "the other room's note");
            Assert.Equal(0, Count(_slack.Accepted("chat.postMessage"), "held in the slow room"));
        }
        finally
        {
            gate.SetResult();
        }

        await Wait.Until(() => Count(_slack.Accepted("chat.postMessage"), "held in the slow room") == 1, "the slow room's note once released");
        _ = fast;
    }

    [Fact]
    public async Task ASlackThatAnswersAfterTheTimeoutButKeepsTheMessageEndsWithEachMessageOnce()
    {
        var settings = SlackBot.Settings(_slack);
        settings["Chat:TimeoutSeconds"] = "1";
        using var app = new BotApp(settings: settings);
        var client = app.CreateClient();
        _slack.SlowAnswers["chat.postMessage"] = TimeSpan.FromSeconds(2);

        var number = await client.DeclareAsync("Slack is slow today");
        await client.CommandAsync(number, "note rollback started");
        await client.CommandAsync(number, "note error rate falling");
        await Wait.Until(() => Count(_slack.Accepted("chat.postMessage"), "📝") == 2, "both notes", seconds: 60);
        await Wait.Until(() => _slack.Accepted("pins.add").Count == 1, "the welcome pinned", seconds: 60);

        var posts = _slack.Accepted("chat.postMessage");
        Assert.Equal(1, Count(posts, "rollback started"));
        Assert.Equal(1, Count(posts, "error rate falling"));
        Assert.Single(posts, c => c.Arg("channel") == SlackBot.Announcements);
        Assert.Single(posts, c => c.Body?["blocks"] is not null);
        Assert.Contains(_slack.Calls, c => c.Method == "conversations.history" && c.Arg("include_all_metadata") == "true");
    }
}
