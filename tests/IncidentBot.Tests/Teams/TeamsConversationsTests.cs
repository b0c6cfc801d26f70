using System.Net;
using IncidentBot.Support;

namespace IncidentBot.Teams;

/// <summary>Where each Teams conversation is reached (its serviceUrl), as the activities tell it.</summary>
public sealed class TeamsConversationsTests : IAsyncLifetime
{
    private FakeTeams _teams = null!;
    private TeamsBot _bot = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeams.StartAsync();
        _bot = TeamsBot.Start(_teams);
    }

    public async Task DisposeAsync()
    {
        _bot.App.Dispose();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task AnAddressHeardAgainUnchangedIsNotWrittenAgain()
    {
        await _bot.AskAsync(TeamsSigner.PersonalMessage(_teams, "help"));
        var first = Stored("a:1personal-chat-" + TeamsSigner.Alice);

        await _bot.AskAsync(TeamsSigner.PersonalMessage(_teams, "list"));

        Assert.Equal(_teams.ServiceUrl, first.ServiceUrl);
        Assert.Equal(first, Stored("a:1personal-chat-" + TeamsSigner.Alice));
    }

    [Fact]
    public async Task AChangedAddressIsWrittenAtOnce()
    {
        await _bot.AskAsync(TeamsSigner.PersonalMessage(_teams, "help"));
        var moved = new Uri(_teams.BaseAddress, "connector-emea/").ToString();
        var activity = TeamsSigner.PersonalMessage(_teams, "list");
        activity["serviceUrl"] = moved;

        var response = await _bot.Client.SendAsync(TeamsSigner.Post(activity, TeamsSigner.Token(_teams, serviceUrl: moved)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(moved, Stored("a:1personal-chat-" + TeamsSigner.Alice).ServiceUrl);
    }

    private (string ServiceUrl, string SeenAt) Stored(string conversation)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_bot.App.DatabaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT service_url, seen_at FROM teams_conversations WHERE conversation_id = $id";
        command.Parameters.AddWithValue("$id", conversation);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), $"{conversation} is not stored");
        return (reader.GetString(0), reader.GetString(1));
    }
}
