using System.Net;
using IncidentBot.Support;

namespace IncidentBot.Slack;

public sealed class SlackDeliveryTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task WhileSlackIsDownTheIncidentExistsAndItsMessagesArriveOnceSlackIsBackNoneTwice()
    {
        using var app = SlackBot.Start(_slack);
        var client = app.CreateClient();
        _slack.Down = true;

        var number = await client.DeclareAsync("Queue backlog", "SEV2");
        await client.CommandAsync(number, "note consumers restarted");
        await Wait.Until(() => _slack.Calls.Count(c => c.Status == 500) >= 3, "delivery attempts against the outage");
        Assert.Equal("Queue backlog", (await client.GetJsonAsync($"/api/incidents/{number}")).Body!["incident"]!["title"]!.GetValue<string>());

        _slack.Down = false;
        await Wait.Until(() => _slack.Accepted("chat.postMessage").Any(c => c.Arg("text").Contains("consumers restarted", StringComparison.Ordinal)), "the note after recovery");

        Assert.Single(_slack.Accepted("conversations.create"));
        Assert.Single(_slack.Accepted("pins.add"));
        Assert.Single(_slack.Accepted("bookmarks.add"));
        Assert.Single(_slack.Accepted("chat.postMessage"), c => c.Arg("channel") == SlackBot.Announcements);
        Assert.Single(_slack.Accepted("chat.postMessage"), c => c.Arg("text").Contains("consumers restarted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MessagesToOneRoomArriveInTheOrderTheyWereWritten()
    {
        using var app = SlackBot.Start(_slack);
        var client = app.CreateClient();
        var number = await client.DeclareAsync();
        for (var i = 1; i <= 20; i++)
        {
            await client.CommandAsync(number, $"note step {i}");
        }

        await Wait.Until(() => _slack.Accepted("chat.postMessage").Count(c => c.Arg("text").Contains("step ", StringComparison.Ordinal)) == 20, "twenty notes");

        var order = _slack.Accepted("chat.postMessage").Where(c => c.Arg("text").Contains("step ", StringComparison.Ordinal))
            .Select(c => int.Parse(c.Arg("text").Split("step ")[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, 20), order);
    }

    [Fact]
    public async Task ARateLimitIsWaitedOutAsRetryAfterSaysAndTheMessageSentOnce()
    {
        using var app = SlackBot.Start(_slack);
        var client = app.CreateClient();
        _slack.RateLimitNext("conversations.create", 2);

        await client.DeclareAsync("Rate limited declare");
        await Wait.Until(() => _slack.Accepted("pins.add").Count == 1, "the room to open");

        Assert.Equal(2, _slack.Calls.Count(c => c.Method == "conversations.create" && c.Status == 429));
        Assert.Single(_slack.Accepted("conversations.create"));
    }

    [Fact]
    public async Task ARestartDeliversWhatWasStillPending()
    {
        string folder;
        _slack.Down = true;
        using (var first = SlackBot.Start(_slack))
        {
            folder = first.Folder;
            await first.CreateClient().DeclareAsync("Declared before the restart");
            await Wait.Until(() => _slack.Calls.Count > 0, "a first attempt");
        }

        _slack.Down = false;
        using var second = SlackBot.Start(_slack, folder);
        second.CreateClient();

        await Wait.Until(() => _slack.Accepted("pins.add").Count == 1, "the room to open after the restart");
        Assert.Single(_slack.Accepted("conversations.create"));
        Assert.Equal("inc-1-declared-before-the-restart", _slack.Accepted("conversations.create")[0].Arg("name"));
    }

    [Fact]
    public async Task AnIncidentDeclaredOverTheApiIsAnnouncedWithoutInvitingAnyone()
    {
        using var app = SlackBot.Start(_slack);

        await app.CreateClient().DeclareAsync("From the API");
        await Wait.Until(() => _slack.Accepted("pins.add").Count == 1, "the room to open");

        Assert.Empty(_slack.Accepted("conversations.invite"));
    }

    [Fact]
    public async Task AlertTextCannotPageTheWholeWorkspace()
    {
        using var app = SlackBot.Start(_slack);
        var client = app.CreateClient();
        var number = await client.DeclareAsync();

        await client.CommandAsync(number, "note <!channel> wake up <!here|here>");
        await Wait.Until(() => _slack.Accepted("chat.postMessage").Any(c => c.Arg("text").Contains("wake up", StringComparison.Ordinal)), "the note");

        var text = _slack.Accepted("chat.postMessage").Single(c => c.Arg("text").Contains("wake up", StringComparison.Ordinal)).Arg("text");
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongTokenIsARefusalThatIsSetAsideNotRetriedForever()
    {
        var settings = SlackBot.Settings(_slack);
        settings["Slack:BotToken"] = "xoxb-revoked";
        settings["Jobs:MaxRefusals"] = "2";
        using var app = new BotApp(settings: settings);

        await app.CreateClient().DeclareAsync();
        await Wait.Until(() => OutboxStates(app).Contains("set-aside"), "the declaration to be set aside");

        Assert.Equal(2, _slack.Calls.Count(c => c.Method == "conversations.create"));
        Assert.All(_slack.Calls, c => Assert.Equal(299, c.Status));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
    }

    private static List<string> OutboxStates(BotApp app)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT state FROM jobs WHERE kind = 'chat.deliver' ORDER BY id";
        using var reader = command.ExecuteReader();
        var states = new List<string>();
        while (reader.Read())
        {
            states.Add(reader.GetString(0));
        }

        return states;
    }
}
