using IncidentBot.Chat;

namespace IncidentBot.Teams;

/// <summary>The Bot Connector or Graph answered an error status; <see cref="Code"/> is its <c>error.code</c> when it gave one.</summary>
public sealed class TeamsApiException : ChatDeliveryException
{
    public TeamsApiException()
    {
    }

    public TeamsApiException(string message)
        : base(message)
    {
    }

    public TeamsApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TeamsApiException(string call, int status, string code)
        : base($"{call} answered HTTP {status}{(code.Length > 0 ? " " + code : "")}.", refused: status is >= 400 and < 500 and not 408)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }

    public string Code { get; } = "";
}
