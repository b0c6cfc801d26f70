namespace IncidentBot.Support;

/// <summary>Waiting for work the bot does in the background (deliveries, inboxes, follow-up replies).</summary>
public static class Wait
{
    /// <summary>Waits until <paramref name="condition"/> holds, or fails after the deadline.</summary>
    public static Task Until(Func<bool> condition, string what, int seconds = 30) =>
        Until(() => Task.FromResult(condition()), what, seconds);

    /// <summary>Waits until <paramref name="condition"/> holds, or fails after the deadline.</summary>
    public static async Task Until(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            await Task.Delay(25);
        }
    }
}
