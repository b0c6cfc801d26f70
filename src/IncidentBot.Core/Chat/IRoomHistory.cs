namespace IncidentBot.Chat;

/// <summary>Reads back what was said in an incident's room, on one chat platform.</summary>
public interface IRoomHistory
{
    /// <summary>
    /// Every message of the incident's room and its threads, oldest first; empty when the incident has no room on
    /// this platform.
    /// </summary>
    Task<IReadOnlyList<RoomMessage>> ReadAsync(int incidentNumber, CancellationToken cancellationToken);
}
