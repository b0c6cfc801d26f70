namespace IncidentBot.Commands;

/// <summary>
/// Who runs a command, where, and when. <see cref="IncidentNumber"/> is the incident of the room (or of the API
/// route); null elsewhere. <see cref="Prefix"/> is how the platform writes a command (<c>/incident </c>).
/// <see cref="Texts"/> is the language the person is answered in (English when not given).
/// </summary>
public sealed record CommandContext(string Actor, int? IncidentNumber, DateTimeOffset Now, string Prefix = "", Language.Texts? Texts = null)
{
    public Language.Texts Language => Texts ?? IncidentBot.Language.Texts.En;
}
