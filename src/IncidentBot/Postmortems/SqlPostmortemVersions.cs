using System.Data.Common;
using Dapper;

namespace IncidentBot.Postmortems;

/// <summary>The <c>postmortem_versions</c> table over one open connection; inside <paramref name="transaction"/> when writing.</summary>
internal sealed class SqlPostmortemVersions(DbConnection connection, DbTransaction? transaction)
{
    private const string Columns = "incident_number, version, format, hash, path, confluence_page_id, confluence_version, created_at";

    public Task<int> NextVersionAsync(int number, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<int>(Command(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM postmortem_versions WHERE incident_number = @number", new { number }, cancellationToken));

    /// <summary>The newest export of <paramref name="format"/>, optionally only those written to <paramref name="path"/>.</summary>
    public async Task<PostmortemVersion?> LatestAsync(int number, string format, string? path, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(Command($"""
            SELECT {Columns} FROM postmortem_versions
            WHERE incident_number = @number AND format = @format AND (@path IS NULL OR path = @path)
            ORDER BY version DESC LIMIT 1
            """, new { number, format, path }, cancellationToken)).ConfigureAwait(false);
        return row?.ToVersion();
    }

    public Task InsertAsync(PostmortemVersion version, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command($"""
            INSERT INTO postmortem_versions ({Columns})
            VALUES (@IncidentNumber, @Version, @Format, @Hash, @Path, @ConfluencePageId, @ConfluenceVersion, @CreatedAt)
            """, version, cancellationToken));

    private CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    private sealed class Row
    {
        public long IncidentNumber { get; init; }
        public long Version { get; init; }
        public string Format { get; init; } = "";
        public string Hash { get; init; } = "";
        public string Path { get; init; } = "";
        public string? ConfluencePageId { get; init; }
        public long? ConfluenceVersion { get; init; }
        public DateTimeOffset CreatedAt { get; init; }

        public PostmortemVersion ToVersion() => new(
            (int)IncidentNumber, (int)Version, Format, Hash, Path, ConfluencePageId, (int?)ConfluenceVersion, CreatedAt);
    }
}
