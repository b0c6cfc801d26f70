namespace IncidentBot.Chat;

/// <summary>
/// A platform call that failed. <see cref="Refused"/>: the platform understood and said no (a missing scope, an
/// archived channel), so retrying soon will not help; otherwise it was an outage worth retrying, after
/// <see cref="RetryAfter"/> when the platform said how long.
/// </summary>
public class ChatDeliveryException : Exception
{
    public ChatDeliveryException()
    {
    }

    public ChatDeliveryException(string message)
        : base(message)
    {
    }

    public ChatDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ChatDeliveryException(string message, bool refused, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Refused = refused;
        RetryAfter = retryAfter;
    }

    public bool Refused { get; }

    public TimeSpan? RetryAfter { get; }
}
