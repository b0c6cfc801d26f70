namespace IncidentBot;

/// <summary>Text cut to a length, with "…" where it was cut.</summary>
public static class Shorten
{
    /// <summary>At most <paramref name="limit"/> characters: the text itself, or its start and "…".</summary>
    public static string ToFit(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= limit ? text : string.Concat(text.AsSpan(0, limit - 1), "…");
    }

    /// <summary>The first <paramref name="shown"/> characters and "…" when longer: how a bad value is quoted back in an error.</summary>
    public static string ForQuoting(string text, int shown = 40)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= shown ? text : string.Concat(text.AsSpan(0, shown), "…");
    }
}
