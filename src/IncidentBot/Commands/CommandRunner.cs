using IncidentBot.Language;
using IncidentBot.Postmortems;
using IncidentBot.Storage;
using IncidentBot.Summaries;

namespace IncidentBot.Commands;

/// <summary>
/// Every platform's way in: parses a command's text, then runs it. Changes go through the database writer in one
/// transaction each; reads go straight to the database; <c>summary</c> and <c>postmortem</c> go to their features.
/// The answer is in the person's language when the platform told it, else in the bot's (<c>Bot:Language</c>).
/// </summary>
internal sealed class CommandRunner(
    DatabaseWriter writer,
    IncidentQueries queries,
    SummaryService summaries,
    PostmortemService postmortems,
    BotLanguage language,
    TimeProvider time)
{
    public Task<CommandOutcome> RunAsync(string? text, string actor, int? incidentNumber, string prefix, CancellationToken cancellationToken) =>
        RunAsync(text, actor, incidentNumber, prefix, null, cancellationToken);

    public Task<CommandOutcome> RunAsync(Command command, string actor, int? incidentNumber, string prefix, CancellationToken cancellationToken) =>
        RunAsync(command, actor, incidentNumber, prefix, null, cancellationToken);

    /// <param name="texts">The person's language; null for the bot's.</param>
    public Task<CommandOutcome> RunAsync(string? text, string actor, int? incidentNumber, string prefix, Texts? texts, CancellationToken cancellationToken)
    {
        var parsed = CommandParser.Parse(text, texts ?? language.Default);
        return parsed.Command is { } command
            ? RunAsync(command, actor, incidentNumber, prefix, texts, cancellationToken)
            : Task.FromResult(CommandOutcome.Invalid(parsed));
    }

    /// <param name="texts">The person's language; null for the bot's.</param>
    public async Task<CommandOutcome> RunAsync(Command command, string actor, int? incidentNumber, string prefix, Texts? texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var said = texts ?? language.Default;
        if (IncidentCommands.OutsideRoom(command, Context()) is { } outside)
        {
            return outside;
        }

        switch (command)
        {
            case SummaryCommand:
                return await summaries.PostAsync(incidentNumber!.Value, actor, cancellationToken).ConfigureAwait(false);
            case PostmortemCommand:
                return await postmortems.DraftAsync(incidentNumber!.Value, actor, cancellationToken).ConfigureAwait(false);
            case { IsReadOnly: true }:
                return await queries.WithStoreAsync(
                    store => IncidentCommands.ExecuteAsync(store, command, Context(), cancellationToken), cancellationToken).ConfigureAwait(false);
            default:
                return await writer.WriteAsync(
                    (scope, ct) => IncidentCommands.ExecuteAsync(scope.Ledger, command, Context(scope.Now), ct), cancellationToken).ConfigureAwait(false);
        }

        CommandContext Context(DateTimeOffset? now = null) => new(actor, incidentNumber, now ?? time.GetUtcNow(), prefix, said);
    }
}
