namespace IncidentBot.Support;

/// <summary>The system clock, noting every timer asked of it: shows how long code chose to wait, without waiting in the test.</summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<TimeSpan> _timers = new();

    public IReadOnlyList<TimeSpan> Timers => [.. _timers];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _timers.Enqueue(dueTime);
        return System.CreateTimer(callback, state, dueTime, period);
    }
}
