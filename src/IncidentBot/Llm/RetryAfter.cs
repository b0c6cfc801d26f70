using System.ClientModel.Primitives;
using System.Globalization;

namespace IncidentBot.Llm;

/// <summary>How long a 429 or 503 asks to wait: <c>retry-after-ms</c> (OpenAI, Azure) or <c>Retry-After</c> in seconds or as a date.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Read(PipelineResponse? response, DateTimeOffset now)
    {
        if (response is null)
        {
            return null;
        }

        foreach (var header in new[] { "retry-after-ms", "x-ms-retry-after-ms" })
        {
            if (response.Headers.TryGetValue(header, out var ms)
                && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        return response.Headers.TryGetValue("Retry-After", out var value) ? Parse(value, now) : null;
    }

    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        }

        return DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at > now ? at - now : TimeSpan.Zero
            : null;
    }
}
