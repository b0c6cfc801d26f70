using IncidentBot.Chat;

namespace IncidentBot.Chat;

/// <summary>
/// The chat platforms switched on by configuration, and the bell that wakes the outbox when new rows are committed.
/// </summary>
internal sealed class ChatPlatforms(IEnumerable<IChatPlatform> platforms)
{
    private readonly System.Threading.Channels.Channel<bool> _bell = System.Threading.Channels.Channel.CreateBounded<bool>(1);

    public IReadOnlyList<IChatPlatform> All { get; } = [.. platforms];

    /// <summary>The platforms' names, read by every write batch: built once.</summary>
    public IReadOnlyList<string> Names => field ??= [.. All.Select(p => p.Name)];

    public IChatPlatform? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>Tells the outbox there may be new work; cheap, and collapses many rings into one.</summary>
    public void Ring()
    {
        if (All.Count > 0)
        {
            _bell.Writer.TryWrite(true);
        }
    }

    /// <summary>Waits for a ring, or at most <paramref name="timeout"/>; false when the time ran out.</summary>
    public async Task<bool> WaitForRingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var nap = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        nap.CancelAfter(timeout);
        try
        {
            await _bell.Reader.ReadAsync(nap.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
