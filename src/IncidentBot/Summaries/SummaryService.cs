using IncidentBot.Chat;
using IncidentBot.Commands;
using IncidentBot.Storage;
using IncidentBot.Timeline;

namespace IncidentBot.Summaries;

/// <summary>
/// <c>summary</c>: reads the incident, its timeline and every room history, writes the catch-up and records it on
/// the timeline as <c>summary_posted</c> (which the chat fan-out posts to the room). The summary is only text: nothing
/// in it is read back as a command or changes the incident.
/// </summary>
internal sealed partial class SummaryService(
    DatabaseWriter writer,
    IncidentQueries queries,
    IEnumerable<IRoomHistory> rooms,
    SummaryComposer composer,
    TimeProvider time,
    ILogger<SummaryService> logger)
{
    public async Task<CommandOutcome> PostAsync(int number, string actor, CancellationToken cancellationToken)
    {
        var incident = await queries.FindAsync(number, cancellationToken).ConfigureAwait(false);
        if (incident is null)
        {
            return CommandOutcome.NotFound(number);
        }

        var timeline = await queries.TimelineAsync(number, 0, int.MaxValue, cancellationToken).ConfigureAwait(false);
        var messages = await ReadRoomsAsync(number, cancellationToken).ConfigureAwait(false);
        var request = new SummaryRequest(incident, timeline, messages, time.GetUtcNow());
        var summary = await composer.ComposeAsync(request, cancellationToken).ConfigureAwait(false);
        return await writer.WriteAsync(async (scope, ct) =>
        {
            var current = await scope.Ledger.FindAsync(number, ct).ConfigureAwait(false) ?? incident;
            var entry = current.Record(TimelineKind.SummaryPosted, summary, actor, scope.Now);
            var stored = await scope.Ledger.AppendAsync(entry, ct).ConfigureAwait(false);
            return new CommandOutcome(OutcomeKind.Done, summary, null, current, stored is null ? [] : [stored], new SummaryCommand());
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every platform's messages, oldest first; a platform that fails is logged and left out.</summary>
    private async Task<IReadOnlyList<RoomMessage>> ReadRoomsAsync(int number, CancellationToken cancellationToken)
    {
        var messages = new List<RoomMessage>();
        foreach (var room in rooms)
        {
            try
            {
                messages.AddRange(await room.ReadAsync(number, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                RoomUnreadable(logger, number, room.GetType().Name, e);
            }
        }

        return [.. messages.OrderBy(m => m.At)];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the room history of INC-{Number} from {Platform}; summarising without it")]
    private static partial void RoomUnreadable(ILogger logger, int number, string platform, Exception exception);
}
