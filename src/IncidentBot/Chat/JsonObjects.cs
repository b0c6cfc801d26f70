using System.Text.Json;

namespace IncidentBot.Chat;

/// <summary>Reading the loosely shaped JSON chat platforms send.</summary>
internal static class JsonObjects
{
    /// <summary>A property of a JSON object; null when absent or when the element is not an object.</summary>
    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;
}
