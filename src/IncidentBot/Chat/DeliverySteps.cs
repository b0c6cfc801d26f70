namespace IncidentBot.Chat;

/// <summary>
/// A delivery as a list of steps, each making one platform call at most. They run from the first step not yet done,
/// and each is recorded before the next, so a retry (or another instance taking the row over) never repeats a call that
/// worked. A step may return the room it opened, which the steps after it are given.
/// </summary>
internal static class DeliverySteps
{
    public delegate Task<Room?> Step(Delivery delivery, IDeliveryProgress progress, CancellationToken cancellationToken);

    public static async Task RunAsync(Delivery delivery, IDeliveryProgress progress, IReadOnlyList<Step> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(steps);
        var room = delivery.Room;
        for (var step = delivery.StepsDone; step < steps.Count; step++)
        {
            room = await steps[step](delivery with { Room = room }, progress, cancellationToken).ConfigureAwait(false) ?? room;
            if (step < steps.Count - 1)
            {
                await progress.StepDoneAsync(step + 1, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
