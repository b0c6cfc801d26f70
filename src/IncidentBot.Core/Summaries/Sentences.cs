namespace IncidentBot.Summaries;

/// <summary>Splits a one-line message into sentences, where a full stop, ! or ? is followed by a space.</summary>
public static class Sentences
{
    /// <summary>Longest sentence quoted in a summary.</summary>
    public const int MaxLength = 280;

    /// <summary>Most sentences read from one message: a pasted log adds nothing after the first few.</summary>
    public const int MaxPerMessage = 8;

    public static IEnumerable<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        var count = 0;
        for (var i = 0; i < text.Length && count < MaxPerMessage; i++)
        {
            var end = text[i] is '.' or '!' or '?' && (i + 1 == text.Length || text[i + 1] == ' ');
            if (!end && i + 1 < text.Length)
            {
                continue;
            }

            var sentence = text.AsSpan(start, i + 1 - start).Trim();
            start = i + 1;
            if (sentence.IsEmpty)
            {
                continue;
            }

            count++;
            yield return sentence.Length <= MaxLength ? sentence.ToString() : string.Concat(sentence[..(MaxLength - 1)], "…");
        }
    }
}
