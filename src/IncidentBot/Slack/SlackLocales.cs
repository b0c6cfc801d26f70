using System.Collections.Concurrent;

namespace IncidentBot.Slack;

/// <summary>
/// A Slack user's locale (<c>ja-JP</c>), from <c>users.info</c> with <c>include_locale</c>, kept for an hour so a
/// burst of commands costs one call. A command waits for it at most <see cref="Wait"/>: when Slack is slow or cannot
/// say, the bot's own language applies and the answer is not held up (the lookup still fills the cache).
/// </summary>
internal sealed partial class SlackLocales(SlackClient slack, TimeProvider time, ILogger<SlackLocales> logger)
{
    public static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (Task<string?> Locale, DateTimeOffset Until)> _known = new(StringComparer.Ordinal);

    public async Task<string?> OfAsync(string userId, CancellationToken cancellationToken)
    {
        if (userId.Length == 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (!_known.TryGetValue(userId, out var known) || known.Until <= now)
        {
            known = (LookUpAsync(userId), now + KeptFor);
            _known[userId] = known;
        }

        try
        {
            return await known.Locale.WaitAsync(Wait, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LocaleLate(logger, Wait.TotalMilliseconds);
            return null;
        }
    }

    private async Task<string?> LookUpAsync(string userId)
    {
        try
        {
            var user = (await slack.ReadAsync("users.info", [new("user", userId), new("include_locale", "true")], CancellationToken.None).ConfigureAwait(false))
                .GetProperty("user");
            return Chat.JsonObjects.Property(user, "locale")?.GetString();
        }
        catch (Chat.ChatDeliveryException e)
        {
            // Not kept: the next command asks again.
            _known.TryRemove(userId, out _);
            LocaleUnknown(logger, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack did not tell a user's locale ({Reason}); answering in the bot's language")]
    private static partial void LocaleUnknown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack did not tell a user's locale within {Milliseconds} ms; answering in the bot's language")]
    private static partial void LocaleLate(ILogger logger, double milliseconds);
}
