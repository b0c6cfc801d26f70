using System.Text.Json;

namespace IncidentBot.Hosting;

/// <summary>
/// The JSON parser accepts strings it cannot decode (invalid UTF-8 such as a raw 0xFF byte, or an escaped unpaired
/// surrogate such as <c>\ud800</c>) and fails only when one is read, deep inside whatever reads it. Every reader of a
/// request body checks the body here first, so that such a string is refused up front, naming the field.
/// </summary>
internal static class JsonStrings
{
    /// <summary>What a refusal says after the field's name.</summary>
    public const string Problem = "is not valid text (invalid UTF-8, or an unpaired surrogate such as \\ud800)";

    /// <summary>The path of the first string or member name that cannot be decoded (<c>alerts[0].labels.team</c>); null when all can, or when the body is not JSON at all (its reader says so).</summary>
    public static string? Undecodable(ReadOnlySpan<byte> json)
    {
        if (AllDecodable(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            return Undecodable(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc cref="Undecodable(ReadOnlySpan{byte})"/>
    public static string? Undecodable(string json) => Undecodable(System.Text.Encoding.UTF8.GetBytes(json));

    /// <summary>The path of the first string or member name under <paramref name="element"/> that cannot be decoded; "the body" for the root.</summary>
    public static string? Undecodable(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Decodes(element.GetString) ? null : Named(path);
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Undecodable(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                var position = 0;
                foreach (var member in element.EnumerateObject())
                {
                    if (!Decodes(() => member.Name))
                    {
                        return $"the name of member {position} of {Named(path)}";
                    }

                    if (Undecodable(member.Value, path.Length == 0 ? member.Name : path + "." + member.Name) is { } found)
                    {
                        return found;
                    }

                    position++;
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// One pass of the reader over the bytes, allocating only for escaped strings: the common case, every string clean,
    /// costs no document. A body that is not JSON counts as clean here; its reader reports it.
    /// </summary>
    private static bool AllDecodable(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
                {
                    continue;
                }

                if (reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
                else if (!System.Text.Unicode.Utf8.IsValid(reader.ValueSpan))
                {
                    return false;
                }
            }
        }
        catch (JsonException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        return true;
    }

    private static string Named(string path) => path.Length == 0 ? "the body" : path;

    private static bool Decodes(Func<string?> read)
    {
        try
        {
            _ = read();
            return true;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }
}
