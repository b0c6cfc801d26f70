using IncidentBot.Support;

namespace IncidentBot.Postmortems;

public sealed class JapanesePostmortemExportTests : IDisposable
{
    private readonly BotApp _app = new();
    private readonly HttpClient _client;

    public JapanesePostmortemExportTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    private string Folder => Path.Combine(_app.Folder, "postmortems");

    [Fact]
    public async Task AJapaneseTitleKeepsItsJapaneseInTheExportedFileNames()
    {
        var number = await _client.DeclareAsync("決済APIで502エラーが多発");
        await _client.CommandAsync(number, "resolve v41へロールバックしました");

        var (response, body) = await _client.CommandAsync(number, "postmortem");

        Assert.True(response.IsSuccessStatusCode, body?.ToJsonString());
        Assert.Equal(
            [$"INC-{number}-決済APIで502エラーが多発.docx", $"INC-{number}-決済APIで502エラーが多発.html", $"INC-{number}-決済APIで502エラーが多発.md"],
            Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ATitleWithNothingUsableIsExportedUnderTheKeyAlone()
    {
        var number = await _client.DeclareAsync("💥💥 !!");
        await _client.CommandAsync(number, "resolve");

        await _client.CommandAsync(number, "postmortem");

        Assert.True(File.Exists(Path.Combine(Folder, $"INC-{number}.md")));
    }
}
