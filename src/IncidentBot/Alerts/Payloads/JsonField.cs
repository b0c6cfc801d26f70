using System.Globalization;
using System.Text.Json;

namespace IncidentBot.Alerts.Payloads;

/// <summary>
/// A JSON value with its path from the root (<c>alerts[2].startsAt</c>), so that every way a payload can be wrong
/// is reported with the field it concerns.
/// </summary>
internal readonly record struct JsonField(JsonElement Element, string Path)
{
    public static JsonField Root(JsonElement root) => new(root, "");

    /// <summary>How messages name this value: its path, or "The body" for the root.</summary>
    public string Name => Path.Length == 0 ? "The body" : Path;

    public bool IsObject => Element.ValueKind == JsonValueKind.Object;

    public bool IsPresent => Element.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);

    /// <summary>The member <paramref name="name"/>; absent (Undefined) when missing or when this is not an object.</summary>
    public JsonField this[string name] =>
        new(IsObject && Element.TryGetProperty(name, out var value) ? value : default, Path.Length == 0 ? name : Path + "." + name);

    public JsonField RequireObject()
    {
        if (!IsObject)
        {
            throw Wrong("a JSON object");
        }

        return this;
    }

    public IEnumerable<JsonField> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            throw Wrong("an array");
        }

        var path = Path;
        return Element.EnumerateArray().Select((item, index) => new JsonField(item, $"{path}[{index}]"));
    }

    /// <summary>A string, or the text of a number or boolean (vendors are loose about which they send); null when absent.</summary>
    public string? Text() => Element.ValueKind switch
    {
        JsonValueKind.String => Element.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => Element.GetRawText(),
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        _ => throw Wrong("a string"),
    };

    /// <summary><see cref="Text"/>, trimmed, with empty taken as absent.</summary>
    public string? NonEmpty() => Text()?.Trim() is { Length: > 0 } text ? text : null;

    public string RequireText() => NonEmpty() ?? throw Missing();

    /// <summary>An alert status, <c>firing</c> or <c>resolved</c>; anything else is refused naming the field.</summary>
    public AlertStatus RequireStatus()
    {
        var status = RequireText();
        return AlertStatusText.TryParse(status, out var parsed)
            ? parsed
            : throw new AlertPayloadException($"{Path} must be \"firing\" or \"resolved\", got \"{status}\".");
    }

    public bool? Bool() => Element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.String when bool.TryParse(Element.GetString(), out var parsed) => parsed,
        _ => throw Wrong("true or false"),
    };

    public long? Integer()
    {
        var text = Text();
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && real is > long.MinValue and < long.MaxValue
                ? (long)real
                : throw Wrong("a whole number");
    }

    /// <summary>An RFC 3339 time; null when absent or Go's zero time (<c>0001-01-01T00:00:00Z</c>, "not ended").</summary>
    public DateTimeOffset? Time()
    {
        var text = NonEmpty();
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            throw new AlertPayloadException($"{Name} must be an RFC 3339 time, got \"{Shown(text)}\".");
        }

        return at.Year <= 1 ? null : at;
    }

    public DateTimeOffset RequireTime() => Time() ?? throw Missing();

    /// <summary>An instant given as a count of seconds (or milliseconds, when <paramref name="milliseconds"/>) since 1970.</summary>
    public DateTimeOffset? EpochTime(bool milliseconds)
    {
        if (Integer() is not { } count)
        {
            return null;
        }

        try
        {
            return milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(count) : DateTimeOffset.FromUnixTimeSeconds(count);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new AlertPayloadException($"{Name} is not a time: {count} is out of range.");
        }
    }

    /// <summary>A flat object of labels; values that are not strings are kept as their JSON text.</summary>
    public Dictionary<string, string> Labels()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!IsPresent)
        {
            return labels;
        }

        RequireObject();
        foreach (var member in Element.EnumerateObject())
        {
            var value = member.Value.ValueKind switch
            {
                JsonValueKind.String => member.Value.GetString()!,
                JsonValueKind.Null => null,
                _ => member.Value.GetRawText(),
            };
            if (value is not null)
            {
                labels[member.Name] = value;
            }
        }

        return labels;
    }

    public AlertPayloadException Missing() => new($"{Name} is missing.");

    public AlertPayloadException Wrong(string expected) =>
        new(IsPresent ? $"{Name} must be {expected}, got {Kind()}." : $"{Name} is missing; it must be {expected}.");

    private string Kind() => Element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Shown(Element.GetString()!)}\"",
        JsonValueKind.Number => $"the number {Element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => Element.GetRawText(),
        _ => "null",
    };

    private static string Shown(string text) => Shorten.ForQuoting(text);
}
