using IncidentBot.Chat;
using IncidentBot.Incidents;
using IncidentBot.Summaries;

namespace IncidentBot.Llm;

/// <summary>Summary requests for the LLM tests: a small incident and what its room said.</summary>
internal static class Rooms
{
    public static readonly DateTimeOffset Start = new(2025, 3, 4, 13, 0, 0, TimeSpan.Zero);

    public static SummaryRequest Request(params RoomMessage[] messages)
    {
        var (incident, declared) = Incident.Declare(42, new Declaration("Payments API down", Severity.Sev1), "alice", Start);
        incident.AssignRole(Role.Commander, "alice", "alice", Start.AddMinutes(1));
        return new SummaryRequest(incident, [declared with { Id = 1 }], messages, Start.AddMinutes(30));
    }

    public static RoomMessage Said(int minute, string author, string text) => new(author, Start.AddMinutes(minute), text);

    /// <summary>A message of exactly <paramref name="length"/> characters.</summary>
    public static RoomMessage Filler(int index, int length)
    {
        var text = $"message {index:000} " + new string('x', length);
        return Said(index % 60, "bob", text[..length]);
    }
}
