namespace IncidentBot.Llm;

/// <summary>The model gave no usable summary; <see cref="Exception.Message"/> says why in words fit for the room.</summary>
public sealed class LlmUnavailableException : Exception
{
    public LlmUnavailableException()
    {
    }

    public LlmUnavailableException(string reason)
        : base(reason)
    {
    }

    public LlmUnavailableException(string reason, Exception? innerException)
        : base(reason, innerException)
    {
    }
}
