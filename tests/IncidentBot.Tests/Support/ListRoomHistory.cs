using System.Collections.Concurrent;
using IncidentBot.Chat;

namespace IncidentBot.Support;

/// <summary>A chat platform's room history held in memory: what a test says was said in each incident's room.</summary>
public sealed class ListRoomHistory : IRoomHistory
{
    private readonly ConcurrentDictionary<int, List<RoomMessage>> _rooms = new();

    public void Say(int incidentNumber, params RoomMessage[] messages) =>
        _rooms.GetOrAdd(incidentNumber, _ => []).AddRange(messages);

    public Task<IReadOnlyList<RoomMessage>> ReadAsync(int incidentNumber, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RoomMessage>>(_rooms.TryGetValue(incidentNumber, out var messages) ? [.. messages] : []);
}
