namespace IncidentBot.Chat;

/// <summary>
/// A delivery as a list of steps, each making one platform call at most. They run from the first step not yet done,
/// and each is recorded before the next, so a retry (or another instance taking the job over) never repeats a call that
/// worked. A step may return the room it opened, which the steps after it are given. Inside a step the delivery's
/// <see cref="Delivery.StepsDone"/> is the step's own index, and <see cref="Delivery.Retried"/> holds only for the first
/// step run, the one an earlier run may have been in the middle of.
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
            var current = delivery with { Room = room, StepsDone = step, Retried = delivery.Retried && step == delivery.StepsDone };
            room = await steps[step](current, progress, cancellationToken).ConfigureAwait(false) ?? room;
            if (step < steps.Count - 1)
            {
                await progress.StepDoneAsync(step + 1, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A decorative step (a pin, a bookmark, a topic, an invite): when the platform refuses it (a missing scope, someone
    /// who left), <paramref name="skipped"/> is told and the delivery goes on, so the room's other messages never wait
    /// for it. An outage still fails the step, to be retried with the rest.
    /// </summary>
    public static Step Optional(Step step, Action<Delivery, ChatDeliveryException> skipped) =>
        async (delivery, progress, cancellationToken) =>
        {
            try
            {
                return await step(delivery, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (ChatDeliveryException refusal) when (refusal.Refused)
            {
                skipped(delivery, refusal);
                return null;
            }
        };
}
