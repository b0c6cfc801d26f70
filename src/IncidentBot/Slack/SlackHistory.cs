using IncidentBot.Chat;

namespace IncidentBot.Slack;

/// <summary>An incident channel's messages and thread replies, read back page by page for summaries.</summary>
internal sealed class SlackHistory(SlackClient slack, RoomStore rooms) : IRoomHistory
{
    /// <summary>Enough for any real incident channel; bounds the calls a runaway channel can cost.</summary>
    public const int MaxMessages = 20_000;

    public async Task<IReadOnlyList<RoomMessage>> ReadAsync(int incidentNumber, CancellationToken cancellationToken)
    {
        var room = await rooms.FindAsync(incidentNumber, SlackPlatform.PlatformName, cancellationToken).ConfigureAwait(false);
        if (room is null)
        {
            return [];
        }

        var messages = new List<RoomMessage>();
        var threads = new List<string>();
        await foreach (var message in PagesAsync("conversations.history", [new("channel", room.Id)], cancellationToken).ConfigureAwait(false))
        {
            messages.Add(message.Message);
            if (message.ReplyCount > 0)
            {
                threads.Add(message.Ts);
            }
        }

        foreach (var thread in threads)
        {
            if (messages.Count >= MaxMessages)
            {
                break; // the bound holds for the channel, not for each read
            }

            await foreach (var reply in PagesAsync("conversations.replies", [new("channel", room.Id), new("ts", thread)], cancellationToken).ConfigureAwait(false))
            {
                if (reply.Ts != thread)
                {
                    messages.Add(reply.Message with { ThreadId = thread });
                }
            }
        }

        return [.. messages.OrderBy(m => m.At).Take(MaxMessages)];
    }

    private async IAsyncEnumerable<(RoomMessage Message, string Ts, int ReplyCount)> PagesAsync(
        string method, List<KeyValuePair<string, string?>> arguments, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        var count = 0;
        do
        {
            var page = await slack.ReadAsync(method, [.. arguments, new("limit", "200"), new("cursor", cursor)], cancellationToken).ConfigureAwait(false);
            foreach (var message in page.GetProperty("messages").EnumerateArray())
            {
                var ts = JsonObjects.Property(message, "ts")?.GetString();
                var text = JsonObjects.Property(message, "text")?.GetString();
                if (ts is null || string.IsNullOrEmpty(text))
                {
                    continue;
                }

                var author = JsonObjects.Property(message, "user")?.GetString() is { } user ? SlackUser.Mention(user, null) : "bot";
                var replies = JsonObjects.Property(message, "reply_count")?.GetInt32() ?? 0;
                yield return (new RoomMessage(author, SlackPlatform.InstantOf(ts), text), ts, replies);
                if (++count >= MaxMessages)
                {
                    yield break;
                }
            }

            cursor = JsonObjects.Property(page, "response_metadata") is { } meta ? JsonObjects.Property(meta, "next_cursor")?.GetString() : null;
        }
        while (!string.IsNullOrEmpty(cursor));
    }
}
