using System.Text.Json;

namespace IncidentBot.Chat;

/// <summary>Reading the loosely shaped JSON chat platforms send.</summary>
internal static class JsonObjects
{
    /// <summary>A property of a JSON object; null when absent or when the element is not an object.</summary>
    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    /// <summary>
    /// The text at <paramref name="path"/> in a JSON body (<c>error</c>, or <c>error</c> then <c>code</c>); "" when
    /// the body is not JSON, a step is missing or the value is not a string. For error bodies, which vary.
    /// </summary>
    public static string TextAt(string json, params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var document = JsonDocument.Parse(json);
            JsonElement? at = document.RootElement;
            foreach (var name in path)
            {
                at = at is { } element ? Property(element, name) : null;
            }

            return at is { ValueKind: JsonValueKind.String } text ? text.GetString()! : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
