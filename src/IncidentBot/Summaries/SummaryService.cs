using IncidentBot.Commands;
using IncidentBot.Storage;
using IncidentBot.Summaries;
using IncidentBot.Timeline;

namespace IncidentBot.Summaries;

/// <summary>Writes the catch-up of an incident and records it on the timeline.</summary>
internal sealed class SummaryService(DatabaseWriter writer, IncidentQueries queries, TimeProvider time)
{
    public async Task<CommandOutcome> PostAsync(int number, string actor, CancellationToken cancellationToken)
    {
        var incident = await queries.FindAsync(number, cancellationToken).ConfigureAwait(false);
        if (incident is null)
        {
            return CommandOutcome.NotFound(number);
        }

        var timeline = await queries.TimelineAsync(number, 0, int.MaxValue, cancellationToken).ConfigureAwait(false);
        var summary = CatchUp.Write(incident, timeline, time.GetUtcNow());
        return await writer.WriteAsync(async (scope, ct) =>
        {
            var current = await scope.Ledger.FindAsync(number, ct).ConfigureAwait(false) ?? incident;
            var entry = current.Record(TimelineKind.SummaryPosted, summary, actor, scope.Now);
            var stored = await scope.Ledger.AppendAsync(entry, ct).ConfigureAwait(false);
            return new CommandOutcome(OutcomeKind.Done, summary, null, current, stored is null ? [] : [stored], new SummaryCommand());
        }, cancellationToken).ConfigureAwait(false);
    }
}
