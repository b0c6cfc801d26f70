using System.Data.Common;
using IncidentBot.Incidents;
using IncidentBot.Support;
using IncidentBot.Timeline;
using Microsoft.AspNetCore.TestHost;
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

    [Fact]
    public async Task AWriteIsAnsweredOnlyOnceItsCommitIsSyncedToDisk()
    {
        using var sync = new SemaphoreSlim(0);
        var (writer, number) = await GatedWriterAsync(sync);

        var write = writer.WriteAsync((scope, ct) => NoteAsync(scope, number, "waits for the disk", ct), default);

        // Committed (a reader sees it) but not yet synced: nobody is told it is stored.
        await Wait.Until(async () => (await NotesAsync(number)).Contains("waits for the disk"), "the commit to be readable");
        await Task.Delay(200);
        Assert.False(write.IsCompleted);

        sync.Release(100);
        Assert.True(await write > 0);
    }

    [Fact]
    public async Task ASyncThatFailsFailsTheWritesItCoveredAndTheNextWritesStillLand()
    {
        using var sync = new SemaphoreSlim(0);
        var (writer, number) = await GatedWriterAsync(sync);
        _gate!.FailSync = true;

        var failing = writer.WriteAsync((scope, ct) => NoteAsync(scope, number, "synced badly", ct), default);
        sync.Release();
        var exception = await Assert.ThrowsAsync<DiskSyncException>(() => failing);
        Assert.Contains("could not be synced", exception.Message, StringComparison.Ordinal);

        _gate.FailSync = false;
        sync.Release(100);
        Assert.True(await writer.WriteAsync((scope, ct) => NoteAsync(scope, number, "synced well", ct), default) > 0);
        Assert.Contains("synced well", await NotesAsync(number));
    }

    [Fact]
    public async Task OnAFileTheWriterCommitsWithoutWaitingForTheDiskAndSyncsTheLogItself()
    {
        await _app.CreateClient().DeclareAsync();
        var database = _app.Services.GetRequiredService<Database>();
        Assert.False(database.CommitsAreDurable);

        await using var connection = await database.OpenForWritingAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!); // NORMAL: the log is written at commit, synced after
        database.SyncCommitted();
    }

    private GatedDatabase? _gate;

    private async Task<(DatabaseWriter Writer, int Number)> GatedWriterAsync(SemaphoreSlim sync)
    {
        var app = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<Database>(sp =>
            _gate = new GatedDatabase(ActivatorUtilities.CreateInstance<SqliteDatabase>(sp), sync))));
        var client = app.CreateClient();
        sync.Release(100); // the declaration goes through
        var number = await client.DeclareAsync();
        while (sync.CurrentCount > 0)
        {
            await sync.WaitAsync();
        }

        return (app.Services.GetRequiredService<DatabaseWriter>(), number);
    }

    private static async Task<long> NoteAsync(WriteScope scope, int number, string text, CancellationToken ct)
    {
        var incident = (await scope.Ledger.FindAsync(number, ct))!;
        return (await scope.Ledger.AppendAsync(incident.Record(TimelineKind.Note, text, "a", scope.Now), ct))!.Id;
    }

    private async Task<HashSet<string>> NotesAsync(int number)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_app.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT text FROM timeline_entries WHERE incident_number = {number} AND kind = 'note'";
        var notes = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            notes.Add(reader.GetString(0));
        }

        return notes;
    }

    /// <summary>The SQLite database with a sync that waits for the test's word, and fails when told to.</summary>
    private sealed class GatedDatabase(SqliteDatabase inner, SemaphoreSlim sync) : Database
    {
        public volatile bool FailSync;

        public override string Provider => inner.Provider;

        public override string Describe => inner.Describe;

        public override bool CommitsAreDurable => false;

        public override Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

        public override Task<DbConnection> OpenForWritingAsync(CancellationToken cancellationToken) => inner.OpenForWritingAsync(cancellationToken);

        public override void ClearPool() => inner.ClearPool();

        public override Task ProbeWriteAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
            inner.ProbeWriteAsync(connection, transaction, cancellationToken);

        public override void SyncCommitted()
        {
            sync.Wait();
            if (FailSync)
            {
                throw new IOException("The disk said no.");
            }

            inner.SyncCommitted();
        }
    }
}
