using IncidentBot.Support;

namespace IncidentBot.Teams;

public sealed class TeamsDeliveryTests : IAsyncLifetime
{
    private FakeTeams _teams = null!;

    public async Task InitializeAsync() => _teams = await FakeTeams.StartAsync();

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task ARateLimitIsWaitedOutAsRetryAfterSaysAndTheRoomOpenedOnce()
    {
        var bot = TeamsBot.Start(_teams);
        using var app = bot.App;
        await bot.SendAsync(TeamsSigner.Installed(_teams));
        _teams.RateLimitNext("conversations", 2);

        var number = await bot.Client.DeclareAsync("Rate limited declare");
        await Wait.Until(() => _teams.Accepted("conversations").Count == 1, "the room to open");

        Assert.Equal(1, number);
        Assert.Equal(2, _teams.Calls.Count(c => c.Kind == "conversations" && c.Status == 429));
    }

    [Fact]
    public async Task WhileTeamsIsDownTheIncidentExistsAndItsMessagesArriveOnceItIsBackNoneTwice()
    {
        var bot = TeamsBot.Start(_teams);
        using var app = bot.App;
        await bot.SendAsync(TeamsSigner.Installed(_teams));
        await Wait.Until(() => _teams.Accepted("activities").Count == 1, "the welcome on install");
        _teams.Down = true;

        var number = await bot.Client.DeclareAsync("Queue backlog");
        await bot.Client.CommandAsync(number, "note consumers restarted");
        await Wait.Until(() => _teams.Calls.Count(c => c.Status == 500) >= 3, "delivery attempts against the outage");
        _teams.Down = false;
        await Wait.Until(() => _teams.Accepted("activities").Any(c => c.Body!["text"]?.GetValue<string>().Contains("consumers restarted", StringComparison.Ordinal) == true), "the note after recovery");

        Assert.Single(_teams.Accepted("conversations"));
        Assert.Single(_teams.Accepted("activities"), c => c.Body!["text"]?.GetValue<string>().Contains("consumers restarted", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task TheConnectorTokenIsFetchedOnceAndReused()
    {
        var bot = TeamsBot.Start(_teams);
        using var app = bot.App;
        await bot.SendAsync(TeamsSigner.Installed(_teams));
        var number = await bot.Client.DeclareAsync();
        for (var i = 1; i <= 5; i++)
        {
            await bot.Client.CommandAsync(number, $"note step {i}");
        }

        await Wait.Until(() => _teams.Accepted("activities").Count(c => c.Body!["text"]?.GetValue<string>().Contains("step ", StringComparison.Ordinal) == true) == 5, "five notes");

        Assert.Single(_teams.Accepted("token"));
        var order = _teams.Accepted("activities").Select(c => c.Body!["text"]?.GetValue<string>() ?? "").Where(t => t.Contains("step ", StringComparison.Ordinal))
            .Select(t => int.Parse(t.Split("step ")[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, 5), order);
    }

    [Fact]
    public async Task AWrongAppPasswordIsARefusalThatIsSetAside()
    {
        var bot = TeamsBot.Start(_teams, more: new Dictionary<string, string?> { ["Teams:AppPassword"] = "revoked", ["Jobs:MaxRefusals"] = "2" });
        using var app = bot.App;
        await bot.SendAsync(TeamsSigner.Installed(_teams));

        await bot.Client.DeclareAsync();
        await Wait.Until(() => OutboxStates(app).SequenceEqual(["set-aside"]), "the declaration to be set aside");

        Assert.All(_teams.Calls, c => Assert.Equal(("token", 400), (c.Kind, c.Status)));
        Assert.Equal("INC-1", (await bot.Client.GetJsonAsync("/api/incidents/1")).Body!["incident"]!["key"]!.GetValue<string>());
    }

    private static List<string> OutboxStates(BotApp app)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT state FROM jobs WHERE key LIKE 'chat:teams:%' ORDER BY id";
        using var reader = command.ExecuteReader();
        var states = new List<string>();
        while (reader.Read())
        {
            states.Add(reader.GetString(0));
        }

        return states;
    }
}
