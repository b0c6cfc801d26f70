using System.Text.Json;
using Dapper;
using IncidentBot.Chat;
using IncidentBot.Incidents;
using IncidentBot.Storage;
using IncidentBot.Timeline;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

/// <summary>
/// Pins to put on the timeline. Each is stored before Slack is acknowledged (its id drops Slack's redeliveries),
/// then fetched from Slack (text, author, permalink) and written as a <c>pinned_message</c> entry carrying the
/// message's own time; the entry's source key keeps a message on the timeline once however often it is pinned.
/// </summary>
internal sealed partial class SlackInbox(
    DatabaseWriter writer,
    Database database,
    RoomStore rooms,
    IncidentQueries queries,
    SlackClient slack,
    SlackFollowUps followUps,
    IOptions<ChatOptions> chatOptions,
    TimeProvider time,
    ILogger<SlackInbox> logger) : BackgroundService
{
    private const string PinKind = "pin";
    private const string JoinKind = "join";

    private string? _botUserId;

    private readonly System.Threading.Channels.Channel<bool> _bell = System.Threading.Channels.Channel.CreateBounded<bool>(1);

    /// <summary>Stores a pin durably; false when this id was stored before (a redelivery).</summary>
    public Task<bool> AcceptAsync(string id, SlackPin pin, CancellationToken cancellationToken) =>
        AcceptAsync(id, PinKind, JsonSerializer.Serialize(pin, SlackClient.Json), cancellationToken);

    /// <summary>Stores someone's joining an incident channel, to offer them a catch-up.</summary>
    public Task<bool> AcceptJoinAsync(string id, SlackJoin join, CancellationToken cancellationToken) =>
        AcceptAsync(id, JoinKind, JsonSerializer.Serialize(join, SlackClient.Json), cancellationToken);

    private async Task<bool> AcceptAsync(string id, string kind, string payload, CancellationToken cancellationToken)
    {
        var stored = await writer.WriteAsync(async (scope, ct) => await scope.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO slack_inbox (id, kind, payload, received_at, next_attempt_at) VALUES (@id, @kind, @payload, @now, @now)
            ON CONFLICT (id) DO NOTHING
            """, new { id, kind, payload, now = scope.Now }, scope.Transaction,
            cancellationToken: ct)).ConfigureAwait(false) == 1, cancellationToken).ConfigureAwait(false);
        _bell.Writer.TryWrite(true);
        return stored;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = 0;
            try
            {
                worked = await ProcessDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogLoopFailed(logger, exception);
            }

            if (worked == 0)
            {
                try
                {
                    using var nap = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    nap.CancelAfter(TimeSpan.FromSeconds(1));
                    await _bell.Reader.ReadAsync(nap.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // Nothing rang within the nap: look again anyway, for retries that came due.
                }
            }
        }
    }

    private async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<InboxRow> due;
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            due = [.. await connection.QueryAsync<InboxRow>(new CommandDefinition(
                "SELECT id, kind, payload, attempts FROM slack_inbox WHERE state = 'pending' AND next_attempt_at <= @now ORDER BY received_at LIMIT 32",
                new { now = time.GetUtcNow() }, cancellationToken: cancellationToken)).ConfigureAwait(false)];
        }

        foreach (var row in due)
        {
            if (!await ClaimAsync(row.Id, cancellationToken).ConfigureAwait(false))
            {
                continue; // another instance on the same database took it
            }

            try
            {
                if (row.Kind == JoinKind)
                {
                    await NudgeAsync(row.Id, JsonSerializer.Deserialize<SlackJoin>(row.Payload, SlackClient.Json)!, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await PinAsync(row.Id, JsonSerializer.Deserialize<SlackPin>(row.Payload, SlackClient.Json)!, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await RetryLaterAsync(row, exception, cancellationToken).ConfigureAwait(false);
            }
        }

        return due.Count;
    }

    /// <summary>
    /// Takes a due row for this instance by moving its next attempt a lease ahead: another instance sharing the database
    /// then finds it not due and leaves it, and if this one dies the row comes due again once the lease runs out.
    /// </summary>
    private Task<bool> ClaimAsync(string id, CancellationToken cancellationToken) =>
        writer.WriteAsync(async (scope, ct) => await scope.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE slack_inbox SET next_attempt_at = @until WHERE id = @id AND state = 'pending' AND next_attempt_at <= @now",
            new { id, now = scope.Now, until = scope.Now.AddSeconds(chatOptions.Value.LeaseSeconds) }, scope.Transaction,
            cancellationToken: ct)).ConfigureAwait(false) == 1, cancellationToken);

    private async Task PinAsync(string id, SlackPin pin, CancellationToken cancellationToken)
    {
        var incident = await rooms.IncidentOfAsync(SlackPlatform.PlatformName, pin.Channel, cancellationToken).ConfigureAwait(false);
        if (incident is null)
        {
            await FinishAsync(id, "done", "not an incident room", cancellationToken).ConfigureAwait(false);
            await followUps.ReplyAsync(pin.ResponseUrl, "⚠️ This channel is not an incident room, so there is no timeline to add to.", cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var permalink = (await slack.ReadAsync("chat.getPermalink", [new("channel", pin.Channel), new("message_ts", pin.Ts)], cancellationToken)
            .ConfigureAwait(false)).GetProperty("permalink").GetString();
        var (author, text) = pin.Text is null
            ? await FetchMessageAsync(pin.Channel, pin.Ts, permalink, cancellationToken).ConfigureAwait(false)
            : (pin.Author, pin.Text);
        var who = author is null ? pin.PinnedBy : SlackUser.Mention(author, await NameOfAsync(author, cancellationToken).ConfigureAwait(false));
        var stored = await writer.WriteAsync(async (scope, ct) =>
        {
            var current = await scope.Ledger.FindAsync(incident.Value, ct).ConfigureAwait(false);
            TimelineEntry? entry = null;
            if (current is not null)
            {
                var pinned = current.Record(TimelineKind.PinnedMessage, text.Length == 0 ? "(a message without text)" : text, who, SlackPlatform.InstantOf(pin.Ts))
                    with
                { SourceKey = $"slack:{pin.Channel}:{pin.Ts}", Link = permalink };
                entry = await scope.Ledger.AppendAsync(pinned, ct).ConfigureAwait(false);
            }

            await scope.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE slack_inbox SET state = 'done' WHERE id = @id", new { id }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
            return entry;
        }, cancellationToken).ConfigureAwait(false);
        await followUps.ReplyAsync(
            pin.ResponseUrl, stored is null ? "That message is on the timeline already." : $"📌 Added to the timeline of INC-{incident}.", cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Offers a catch-up to someone who joined an open incident's channel after it was declared: a message only they
    /// see, with the Summarize button. Not to the bot itself, which joins every channel it opens.
    /// </summary>
    private async Task NudgeAsync(string id, SlackJoin join, CancellationToken cancellationToken)
    {
        var number = await rooms.IncidentOfAsync(SlackPlatform.PlatformName, join.Channel, cancellationToken).ConfigureAwait(false);
        _botUserId ??= (await slack.CallAsync("auth.test", new { }, cancellationToken).ConfigureAwait(false)).GetProperty("user_id").GetString();
        var incident = number is { } n ? await queries.FindAsync(n, cancellationToken).ConfigureAwait(false) : null;
        if (incident is { IsOpen: true } && join.User != _botUserId)
        {
            await slack.CallAsync("chat.postEphemeral", new
            {
                Channel = join.Channel,
                User = join.User,
                Text = $"Welcome to {incident.Key}: {SlackText.Safe(incident.Title)}. It is {incident.Severity.Label()} and {incident.Status.Name()}; press Summarize (or type `/incident summary`) to catch up.",
                Blocks = SlackBlocks.Nudge(incident),
            }, cancellationToken).ConfigureAwait(false);
        }

        await FinishAsync(id, "done", null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A message by its channel and ts; a reply in a thread is found through its permalink's <c>thread_ts</c>.</summary>
    private async Task<(string? Author, string Text)> FetchMessageAsync(string channel, string ts, string? permalink, CancellationToken cancellationToken)
    {
        var thread = permalink is null ? null : Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(permalink).Query)
            .TryGetValue("thread_ts", out var value) ? value.ToString() : null;
        var page = thread is not null && thread != ts
            ? await slack.ReadAsync("conversations.replies",
                [new("channel", channel), new("ts", thread), new("oldest", ts), new("latest", ts), new("inclusive", "true"), new("limit", "10")],
                cancellationToken).ConfigureAwait(false)
            : await slack.ReadAsync("conversations.history",
                [new("channel", channel), new("oldest", ts), new("latest", ts), new("inclusive", "true"), new("limit", "1")],
                cancellationToken).ConfigureAwait(false);
        foreach (var message in page.GetProperty("messages").EnumerateArray())
        {
            if (JsonObjects.Property(message, "ts")?.GetString() == ts)
            {
                return (JsonObjects.Property(message, "user")?.GetString(), JsonObjects.Property(message, "text")?.GetString() ?? "");
            }
        }

        throw new ChatDeliveryException($"Slack has no message {ts} in {channel}.", refused: true);
    }

    private async Task<string?> NameOfAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            var user = (await slack.ReadAsync("users.info", [new("user", userId)], cancellationToken).ConfigureAwait(false)).GetProperty("user");
            return JsonObjects.Property(user, "name")?.GetString();
        }
        catch (ChatDeliveryException)
        {
            return null;
        }
    }

    private async Task RetryLaterAsync(InboxRow row, Exception exception, CancellationToken cancellationToken)
    {
        var attempts = (int)row.Attempts + 1;
        var giveUp = exception is ChatDeliveryException { Refused: true } && attempts >= chatOptions.Value.MaxAttemptsOnRefusal;
        var delay = TimeSpan.FromMilliseconds(Math.Min(
            chatOptions.Value.RetryBaseDelayMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 16)), chatOptions.Value.RetryMaxDelaySeconds * 1000.0));
        LogPinFailed(logger, attempts, giveUp, exception.Message);
        await writer.WriteAsync((scope, ct) => scope.Connection.ExecuteAsync(new CommandDefinition("""
            UPDATE slack_inbox SET attempts = @attempts, last_error = @error, next_attempt_at = @next,
                state = CASE WHEN @giveUp THEN 'failed' ELSE state END
            WHERE id = @Id
            """, new { row.Id, attempts, error = exception.Message, next = scope.Now + delay, giveUp }, scope.Transaction, cancellationToken: ct)),
            cancellationToken).ConfigureAwait(false);
    }

    private Task<int> FinishAsync(string id, string state, string? note, CancellationToken cancellationToken) =>
        writer.WriteAsync((scope, ct) => scope.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE slack_inbox SET state = @state, last_error = @note WHERE id = @id",
            new { id, state, note }, scope.Transaction, cancellationToken: ct)), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Putting a pinned Slack message on the timeline failed (attempt {Attempt}, set aside: {GaveUp}): {Error}")]
    private static partial void LogPinFailed(ILogger logger, int attempt, bool gaveUp, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Slack inbox loop failed; it goes on")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    private sealed class InboxRow
    {
        public string Id { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Payload { get; init; } = "";
        public long Attempts { get; init; }
    }
}
