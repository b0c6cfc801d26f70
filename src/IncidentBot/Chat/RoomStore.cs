using Dapper;
using IncidentBot.Chat;
using IncidentBot.Storage;

namespace IncidentBot.Chat;

/// <summary>Which room belongs to which incident, per platform.</summary>
internal sealed class RoomStore(Database database, DatabaseWriter writer)
{
    public async Task<Room?> FindAsync(int incidentNumber, string platform, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.QueryAsync<RoomRow>(new CommandDefinition(
            "SELECT incident_number, platform, room_id, name, link FROM rooms WHERE incident_number = @incidentNumber AND platform = @platform",
            new { incidentNumber, platform }, cancellationToken: cancellationToken)).ConfigureAwait(false)).FirstOrDefault()?.ToRoom();
    }

    /// <summary>The incident whose room this is, or null when the conversation is not an incident room.</summary>
    public async Task<int?> IncidentOfAsync(string platform, string roomId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT incident_number FROM rooms WHERE platform = @platform AND room_id = @roomId",
            new { platform, roomId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public Task SaveAsync(Room room, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(room);
        return writer.WriteAsync((scope, ct) => scope.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO rooms (incident_number, platform, room_id, name, link, created_at)
            VALUES (@IncidentNumber, @Platform, @Id, @Name, @Link, @now)
            ON CONFLICT (incident_number, platform) DO UPDATE SET room_id = excluded.room_id, name = excluded.name, link = excluded.link
            """, new { room.IncidentNumber, room.Platform, room.Id, room.Name, room.Link, now = scope.Now }, scope.Transaction,
            cancellationToken: ct)), cancellationToken);
    }

    private sealed class RoomRow
    {
        public long IncidentNumber { get; init; }
        public string Platform { get; init; } = "";
        public string RoomId { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Link { get; init; }

        public Room ToRoom() => new((int)IncidentNumber, Platform, RoomId, Name, Link);
    }
}
