using System.Collections.Concurrent;
using Dapper;
using IncidentBot.Storage;

namespace IncidentBot.Slack;

/// <summary>
/// Refuses a signed Slack request seen before. A signature covers the timestamp and the body, so the pair
/// (timestamp, signature) names one request; it can be sent again only while its timestamp is inside Slack's
/// five-minute window, so each pair is remembered until then: here for this instance, and, on PostgreSQL (where
/// several instances share one database), in <c>slack_requests_seen</c> for every instance. SQLite runs one instance,
/// which this memory covers; a write per Slack request there would queue behind the writer and cost Slack's deadline.
/// </summary>
internal sealed class SlackReplays(Database database, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private long _nextSweep;

    /// <summary>True the first time a verified request is presented; false for a replay.</summary>
    public async Task<bool> FirstTimeAsync(long timestampSeconds, string signature, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expires = DateTimeOffset.FromUnixTimeSeconds(timestampSeconds) + SlackSignature.MaxSkew + TimeSpan.FromSeconds(1);
        var key = $"{timestampSeconds}:{signature}";
        Sweep(now);
        if (!_seen.TryAdd(key, expires))
        {
            return false;
        }

        if (database.Provider != "postgres")
        {
            return true;
        }

        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync("DELETE FROM slack_requests_seen WHERE expires_at < @now", new { now }).ConfigureAwait(false);
            var inserted = await connection.ExecuteAsync(
                "INSERT INTO slack_requests_seen (request_key, expires_at) VALUES (@key, @expires) ON CONFLICT (request_key) DO NOTHING",
                new { key, expires }).ConfigureAwait(false);
            return inserted == 1;
        }
        catch
        {
            // Not remembered where other instances look: let the request be tried again rather than lost.
            _seen.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>Forgets pairs whose window has passed, at most once a minute.</summary>
    private void Sweep(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        var next = Interlocked.Read(ref _nextSweep);
        if (ticks < next || Interlocked.CompareExchange(ref _nextSweep, ticks + TimeSpan.TicksPerMinute, next) != next)
        {
            return;
        }

        foreach (var (key, expires) in _seen)
        {
            if (expires < now)
            {
                _seen.TryRemove(key, out _);
            }
        }
    }
}
