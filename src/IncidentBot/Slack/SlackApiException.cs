using IncidentBot.Chat;

namespace IncidentBot.Slack;

/// <summary>Slack answered <c>ok:false</c>; <see cref="Error"/> is its machine-readable code (<c>name_taken</c> …).</summary>
public sealed class SlackApiException : ChatDeliveryException
{
    private static readonly HashSet<string> Transient =
        ["ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"];

    public SlackApiException()
    {
    }

    public SlackApiException(string message)
        : base(message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SlackApiException(string method, string error, TimeSpan? retryAfter = null)
        : base($"Slack {method} answered {error}.", refused: !Transient.Contains(error), retryAfter)
    {
        Method = method;
        Error = error;
    }

    public string Method { get; } = "";

    public string Error { get; } = "";
}
