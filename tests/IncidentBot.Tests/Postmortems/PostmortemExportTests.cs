using System.Net;
using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using IncidentBot.Support;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Postmortems;

public sealed class PostmortemExportTests : IDisposable
{
    private readonly BotApp _app = new();
    private readonly HttpClient _client;

    public PostmortemExportTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    private string Folder => Path.Combine(_app.Folder, "postmortems");

    private async Task<int> ResolvedIncidentAsync()
    {
        var number = await _client.DeclareAsync("Orders queue backlog");
        foreach (var command in new[] { "role commander @alice", "note consumer pool exhausted", "update Orders are delayed", "action raise the pool size @bob due 2030-01-31", "resolve scaled the consumers" })
        {
            var (response, body) = await _client.CommandAsync(number, command);
            Assert.True(response.IsSuccessStatusCode, body?.ToJsonString());
        }

        return number;
    }

    private async Task<string> DraftAsync(int number)
    {
        var (response, body) = await _client.CommandAsync(number, "postmortem");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body!["message"]!.GetValue<string>();
    }

    [Fact]
    public async Task ADraftIsWrittenAsMarkdownHtmlAndDocxAndRecordedOnTheTimeline()
    {
        var number = await ResolvedIncidentAsync();

        var message = await DraftAsync(number);

        var stem = Path.Combine(Folder, $"INC-{number}-orders-queue-backlog");
        Assert.StartsWith($"# Postmortem: INC-{number} Orders queue backlog", await File.ReadAllTextAsync(stem + ".md"), StringComparison.Ordinal);
        Assert.Contains("<h2>Timeline</h2>", await File.ReadAllTextAsync(stem + ".html"), StringComparison.Ordinal);
        using (var docx = WordprocessingDocument.Open(stem + ".docx", isEditable: false))
        {
            Assert.Contains("Orders queue backlog", docx.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        Assert.Contains($"Postmortem draft v1 of INC-{number}", message, StringComparison.Ordinal);
        var (_, timeline) = await _client.GetJsonAsync($"/api/incidents/{number}/timeline");
        var drafted = timeline!.AsArray()[^1]!;
        Assert.Equal("postmortem_drafted", drafted["kind"]!.GetValue<string>());
        Assert.Equal(message, drafted["text"]!.GetValue<string>());
        Assert.Equal(stem + ".md", drafted["link"]!.GetValue<string>());
        var versions = await VersionsAsync(number);
        Assert.Equal(["1 md", "1 html", "1 docx"], versions.Select(v => $"{v.Version} {v.Format}"));
        Assert.All(versions, v => Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(v.Path))), v.Hash));
    }

    [Fact]
    public async Task ARedraftReplacesFilesNobodyEdited()
    {
        var number = await ResolvedIncidentAsync();
        await DraftAsync(number);
        await _client.CommandAsync(number, "action add a queue depth alert @carol");

        var message = await DraftAsync(number);

        Assert.Contains("v2", message, StringComparison.Ordinal);
        Assert.DoesNotContain("edited", message, StringComparison.Ordinal);
        Assert.Equal(3, Directory.GetFiles(Folder).Length);
        Assert.Contains("add a queue depth alert", await File.ReadAllTextAsync(Path.Combine(Folder, $"INC-{number}-orders-queue-backlog.md")), StringComparison.Ordinal);
        Assert.Equal(6, (await VersionsAsync(number)).Count);
    }

    [Fact]
    public async Task AMarkdownFilePeopleEditedIsKeptAndTheNewDraftGoesBesideIt()
    {
        var number = await ResolvedIncidentAsync();
        await DraftAsync(number);
        var file = Path.Combine(Folder, $"INC-{number}-orders-queue-backlog.md");
        var edited = await File.ReadAllTextAsync(file) + "\nRoot cause: the consumer pool was sized for last year's traffic.\n";
        await File.WriteAllTextAsync(file, edited);

        var second = await DraftAsync(number);
        var third = await DraftAsync(number);

        Assert.Equal(edited, await File.ReadAllTextAsync(file));
        Assert.Contains($"INC-{number}-orders-queue-backlog.md was edited since IncidentBot wrote it, so it was kept and this draft is INC-{number}-orders-queue-backlog.v2.md", second, StringComparison.Ordinal);
        Assert.Contains(".v3.md", third, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Folder, $"INC-{number}-orders-queue-backlog.v2.md")));
        Assert.True(File.Exists(Path.Combine(Folder, $"INC-{number}-orders-queue-backlog.v3.md")));
        // The HTML and DOCX nobody touched are still replaced in place.
        Assert.False(File.Exists(Path.Combine(Folder, $"INC-{number}-orders-queue-backlog.v2.html")));
    }

    [Fact]
    public async Task AFileIncidentBotNeverWroteIsNotOverwritten()
    {
        var number = await ResolvedIncidentAsync();
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, $"INC-{number}-orders-queue-backlog.md");
        await File.WriteAllTextAsync(file, "written by a person");

        var message = await DraftAsync(number);

        Assert.Equal("written by a person", await File.ReadAllTextAsync(file));
        Assert.Contains(".v1.md", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDocxIsServedAsAnAttachmentWithItsFileName()
    {
        var number = await ResolvedIncidentAsync();

        var response = await _client.GetAsync(new Uri($"/api/incidents/INC-{number}/postmortem?format=docx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PostmortemEndpoints.DocxContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"INC-{number}-orders-queue-backlog.docx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        Assert.Contains("raise the pool size", docx.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHtmlIsServedAsAPage()
    {
        var number = await ResolvedIncidentAsync();

        var response = await _client.GetAsync(new Uri($"/api/incidents/{number}/postmortem?format=html", UriKind.Relative));

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h2>Blameless language check</h2>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownFormatIsABadRequest()
    {
        var number = await ResolvedIncidentAsync();

        var (response, body) = await _client.GetJsonAsync($"/api/incidents/{number}/postmortem?format=pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("md, html or docx", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheActionItemKindIsStoredAndShown()
    {
        var number = await _client.DeclareAsync();
        await _client.CommandAsync(number, "action add a queue depth alert @carol");
        await _client.CommandAsync(number, "action call the vendor mitigate");
        await _client.CommandAsync(number, "action talk to the vendor");

        var (_, incident) = await _client.GetJsonAsync($"/api/incidents/{number}");

        Assert.Equal(["detect", "mitigate", null], incident!["actionItems"]!.AsArray().Select(a => a!["kind"]?.GetValue<string>()));
    }

    private async Task<List<(int Version, string Format, string Hash, string Path)>> VersionsAsync(int number)
    {
        await using var connection = new SqliteConnection($"Data Source={_app.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, format, hash, path FROM postmortem_versions WHERE incident_number = $n ORDER BY version, rowid";
        command.Parameters.AddWithValue("$n", number);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, string, string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }
}
