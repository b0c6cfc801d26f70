namespace IncidentBot.Alerts.Payloads;

/// <summary>A payload that is valid JSON but not the documented shape; its message names the field and is shown to the sender.</summary>
internal sealed class AlertPayloadException(string message) : Exception(message);
