using System.Text;

namespace IncidentBot;

/// <summary>Telling Japanese text from English, and reading it as responders type it.</summary>
public static class Japanese
{
    /// <summary>Hiragana, katakana (full and half width), CJK ideographs and the Japanese punctuation block.</summary>
    public static bool IsJapanese(char c) =>
        c is >= '\u3000' and <= '\u30FF' // punctuation, hiragana, katakana
            or >= '\u3400' and <= '\u4DBF' // CJK extension A
            or >= '\u4E00' and <= '\u9FFF' // CJK ideographs
            or >= '\uF900' and <= '\uFAFF' // compatibility ideographs
            or >= '\uFF65' and <= '\uFF9F'; // half-width katakana

    /// <summary>Whether <paramref name="text"/> has any Japanese letter in it.</summary>
    public static bool In(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsJapanese(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many Japanese letters <paramref name="text"/> holds.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += IsJapanese(c) ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// Full-width Latin letters, digits and signs (５０２, ＤＢ, ％, ？) as their ASCII selves and half-width katakana as
    /// full-width (NFKC), so one cue list reads both. Text with nothing to fold comes back as it was.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (c is >= '\uFF01' and <= '\uFFEF')
            {
                return text.Normalize(NormalizationForm.FormKC);
            }
        }

        return text;
    }
}
