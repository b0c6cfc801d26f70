using IncidentBot.Incidents;
using IncidentBot.Support;
using IncidentBot.Timeline;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Storage;

public sealed class DatabaseWriterTests : IDisposable
{
    private readonly BotApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AFailingWriteFailsAloneAndTheRestOfItsBatchIsStored()
    {
        var number = await _app.CreateClient().DeclareAsync();
        var writer = _app.Services.GetRequiredService<DatabaseWriter>();

        var writes = Enumerable.Range(0, 200).Select(i => writer.WriteAsync(async (scope, ct) =>
        {
            var incident = (await scope.Ledger.FindAsync(number, ct))!;
            await scope.Ledger.AppendAsync(incident.Record(TimelineKind.Note, $"line {i}", "bench", scope.Now), ct);
            return i % 50 == 7 ? throw new InvalidOperationException($"write {i} is broken") : i;
        }, default)).ToList();
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                return await w;
            }
            catch (InvalidOperationException)
            {
                return -1;
            }
        }));

        Assert.Equal(4, outcomes.Count(o => o == -1));
        var stored = await _app.Services.GetRequiredService<IncidentQueries>().TimelineAsync(number, 0, 1000, default);
        var notes = stored.Where(e => e.Kind == TimelineKind.Note).Select(e => e.Text).ToHashSet();
        Assert.Equal(196, notes.Count);
        Assert.DoesNotContain("line 7", notes);
        Assert.Contains("line 8", notes);
    }

    [Fact]
    public async Task AWriteIsAnsweredOnlyOnceItIsCommitted()
    {
        var number = await _app.CreateClient().DeclareAsync();
        var writer = _app.Services.GetRequiredService<DatabaseWriter>();

        var id = await writer.WriteAsync(async (scope, ct) =>
        {
            var incident = (await scope.Ledger.FindAsync(number, ct))!;
            return (await scope.Ledger.AppendAsync(incident.Record(TimelineKind.Note, "durable", "a", scope.Now), ct))!.Id;
        }, default);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_app.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT text FROM timeline_entries WHERE id = {id}";
        Assert.Equal("durable", (string?)await command.ExecuteScalarAsync());
    }
}
