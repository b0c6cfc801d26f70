using IncidentBot.Chat;

namespace IncidentBot.Chat;

/// <summary>
/// The chat platforms switched on by configuration, and the bell that wakes the outbox when new rows are committed.
/// </summary>
internal sealed class ChatPlatforms(IEnumerable<IChatPlatform> platforms) : IDisposable
{
    private readonly SemaphoreSlim _bell = new(0, 1);

    public IReadOnlyList<IChatPlatform> All { get; } = [.. platforms];

    public IReadOnlyList<string> Names => [.. All.Select(p => p.Name)];

    public IChatPlatform? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>Tells the outbox there may be new work; cheap, and collapses many rings into one.</summary>
    public void Ring()
    {
        if (All.Count > 0 && _bell.CurrentCount == 0)
        {
            try
            {
                _bell.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another ring got there first: one pending wake-up is enough.
            }
        }
    }

    public void Dispose() => _bell.Dispose();

    /// <summary>Waits for a ring, or at most <paramref name="timeout"/>.</summary>
    public Task WaitForRingAsync(TimeSpan timeout, CancellationToken cancellationToken) => _bell.WaitAsync(timeout, cancellationToken);
}
