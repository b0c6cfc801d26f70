namespace IncidentBot.Incidents;

/// <summary>What a person (or an alert) asks for when declaring.</summary>
public sealed record Declaration(string Title, Severity Severity = Severity.Sev3, bool IsPrivate = false, bool IsDrill = false);
