namespace IncidentBot.Summaries;

/// <summary>
/// Splits a message into sentences: where a full stop, ! or ? is followed by a space, after a Japanese 。！？ (which no
/// space follows), and at a line break.
/// </summary>
public static class Sentences
{
    /// <summary>Longest sentence quoted in a summary.</summary>
    public const int MaxLength = 280;

    /// <summary>Most sentences read from one message: a pasted log adds nothing after the first few.</summary>
    public const int MaxPerMessage = 8;

    // What is left when 「本当？！」 splits after ？: nothing to quote.
    private static readonly System.Buffers.SearchValues<char> Punctuation = System.Buffers.SearchValues.Create(".!?。！？…・、 ");

    public static IEnumerable<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        var count = 0;
        for (var i = 0; i < text.Length && count < MaxPerMessage; i++)
        {
            var end = text[i] is '。' or '！' or '？' or '\n'
                || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || text[i + 1] == ' '));
            if (!end && i + 1 < text.Length)
            {
                continue;
            }

            var sentence = text.AsSpan(start, i + 1 - start).Trim();
            start = i + 1;
            if (!sentence.ContainsAnyExcept(Punctuation))
            {
                continue;
            }

            count++;
            yield return sentence.Length <= MaxLength ? sentence.ToString() : string.Concat(sentence[..(MaxLength - 1)], "…");
        }
    }
}
