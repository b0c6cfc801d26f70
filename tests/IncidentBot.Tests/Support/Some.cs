namespace IncidentBot.Support;

/// <summary>Throwaway values for tests, distinct on every call.</summary>
public static class Some
{
    private static int _counter;

    public static int Number() => Interlocked.Increment(ref _counter);

    public static string Title() => $"Checkout latency spike {Number()}";

    public static string User() => $"user{Number()}";
}
