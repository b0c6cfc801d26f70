namespace IncidentBot.Chat;

/// <summary>Where a delivery records what it has done, durably, before its next call.</summary>
public interface IDeliveryProgress
{
    /// <summary>Records that the first <paramref name="stepsDone"/> steps of the delivery are done.</summary>
    Task StepDoneAsync(int stepsDone, CancellationToken cancellationToken);

    /// <summary>Records the incident's room once the platform has opened it.</summary>
    Task RoomOpenedAsync(Room room, CancellationToken cancellationToken);
}
