namespace IncidentBot.Timeline;

/// <summary>Every instant is kept in UTC with millisecond precision.</summary>
public static class Instants
{
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    /// <summary>ISO-8601, UTC, milliseconds: <c>2025-03-04T13:05:00.250Z</c>.</summary>
    public static string Format(DateTimeOffset at) =>
        Truncate(at).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A duration as people say it: <c>4m 12s</c>, <c>1h 03m</c>, <c>2d 4h</c>.</summary>
    public static string Humanize(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            return "-" + Humanize(span.Negate());
        }

        return span.TotalSeconds switch
        {
            < 1 => $"{span.TotalMilliseconds:0}ms",
            < 60 => $"{span.Seconds}s",
            < 3600 => $"{span.Minutes}m {span.Seconds:00}s",
            < 86400 => $"{span.Hours}h {span.Minutes:00}m",
            _ => $"{(int)span.TotalDays}d {span.Hours}h",
        };
    }
}
