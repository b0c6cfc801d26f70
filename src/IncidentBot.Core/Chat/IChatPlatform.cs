namespace IncidentBot.Chat;

/// <summary>
/// A chat platform the bot speaks on. Deliveries come from the outbox, in timeline order per incident; a delivery that
/// throws is retried later from the last step it reported done.
/// </summary>
public interface IChatPlatform
{
    /// <summary>The platform's name in storage: <c>slack</c>, <c>teams</c>.</summary>
    string Name { get; }

    /// <summary>Carries one timeline entry to the platform: opens the room for a declaration, posts, updates the topic.</summary>
    Task DeliverAsync(Delivery delivery, IDeliveryProgress progress, CancellationToken cancellationToken);
}
