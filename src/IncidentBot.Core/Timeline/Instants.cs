using System.Globalization;

namespace IncidentBot.Timeline;

/// <summary>Every instant is kept in UTC with millisecond precision.</summary>
public static class Instants
{
    /// <summary>The custom format of the text <see cref="Format"/> writes.</summary>
    public const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    /// <summary>
    /// ISO-8601, UTC, milliseconds: <c>2025-03-04T13:05:00.250Z</c>, the same as the custom format
    /// <see cref="Pattern"/>, written digit by digit: every timeline entry and every instant the API
    /// shows goes through here.
    /// </summary>
    public static string Format(DateTimeOffset at) => string.Create(24, at.UtcDateTime, static (text, utc) =>
    {
        var (year, month, day) = utc;
        Digits(text[..4], year);
        text[4] = '-';
        Digits(text.Slice(5, 2), month);
        text[7] = '-';
        Digits(text.Slice(8, 2), day);
        text[10] = 'T';
        Digits(text.Slice(11, 2), utc.Hour);
        text[13] = ':';
        Digits(text.Slice(14, 2), utc.Minute);
        text[16] = ':';
        Digits(text.Slice(17, 2), utc.Second);
        text[19] = '.';
        Digits(text.Slice(20, 3), utc.Millisecond);
        text[23] = 'Z';
    });

    /// <summary>
    /// Reads an instant stored as text: what <see cref="Format"/> writes, read exactly (the common case, and cheap), else
    /// any ISO-8601 text, taken as UTC when it names no offset.
    /// </summary>
    public static DateTimeOffset Parse(string text)
    {
        const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        return DateTimeOffset.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, Utc, out var exact)
            ? exact
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, Utc);
    }

    /// <summary>Writes <paramref name="value"/> right-aligned in <paramref name="into"/>, padded with zeros.</summary>
    private static void Digits(Span<char> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

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
