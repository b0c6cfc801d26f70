namespace IncidentBot.Summaries;

/// <summary>
/// Cuts a conversation into consecutive chunks that each fit a model's context, for map-reduce summaries. Tokens are
/// estimated, not counted: about four characters a token, which errs large for English chat.
/// </summary>
public static class ChunkPlanner
{
    /// <summary>Tokens of one line: a quarter of its characters, rounded up, plus one for the line break.</summary>
    public static int EstimateTokens(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return ((line.Length + 3) / 4) + 1;
    }

    /// <summary>
    /// Consecutive groups of <paramref name="lines"/>, each within <paramref name="tokensPerChunk"/>; a line too long
    /// for any chunk is cut to fit one on its own. Never empty for a non-empty input; order is kept.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Plan(IReadOnlyList<string> lines, int tokensPerChunk)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokensPerChunk, 16);
        var chunks = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        var used = 0;
        foreach (var original in lines)
        {
            var line = Fit(original, tokensPerChunk);
            var tokens = EstimateTokens(line);
            if (used + tokens > tokensPerChunk && current.Count > 0)
            {
                chunks.Add(current);
                current = [];
                used = 0;
            }

            current.Add(line);
            used += tokens;
        }

        if (current.Count > 0)
        {
            chunks.Add(current);
        }

        return chunks;
    }

    private static string Fit(string line, int tokensPerChunk)
    {
        var maxChars = (tokensPerChunk - 1) * 4;
        return Shorten.ToFit(line, maxChars);
    }
}
