using System.Globalization;

namespace IncidentBot.Timeline;

public sealed class InstantsTests
{
    [Theory]
    [InlineData("2025-03-04T13:05:00.2509999+00:00", "2025-03-04T13:05:00.250Z")]
    [InlineData("2025-03-04T23:59:59.9999999-02:00", "2025-03-05T01:59:59.999Z")]
    [InlineData("2024-02-29T00:00:00+05:30", "2024-02-28T18:30:00.000Z")]
    [InlineData("0001-01-01T00:00:00+00:00", "0001-01-01T00:00:00.000Z")]
    [InlineData("9999-12-31T23:59:59.9999999+00:00", "9999-12-31T23:59:59.999Z")]
    public void AnInstantIsWrittenInUtcWithMillisecondsCutNotRounded(string instant, string expected) =>
        Assert.Equal(expected, Instants.Format(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)));

    [Fact]
    public void TheTextIsTheSameAsTheIsoCustomFormatForAnyInstant()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 10_000; i++)
        {
            var at = new DateTimeOffset(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), TimeSpan.Zero);
            var expected = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            Assert.Equal(expected, Instants.Format(at));
        }
    }

    [Fact]
    public void TheTextReadsBackAsTheSameInstantTruncatedToTheMillisecond()
    {
        var at = new DateTimeOffset(2026, 11, 24, 23, 5, 7, 123, TimeSpan.FromHours(1)).AddTicks(4567);
        var back = DateTimeOffset.Parse(Instants.Format(at), CultureInfo.InvariantCulture);
        Assert.Equal(Instants.Truncate(at), back);
    }

    [Theory]
    [InlineData("2026-11-24T22:05:07.123Z", "2026-11-24T22:05:07.123Z")]
    [InlineData("2026-11-24 22:05:07", "2026-11-24T22:05:07.000Z")]
    [InlineData("2026-11-24T23:05:07.5+01:00", "2026-11-24T22:05:07.500Z")]
    public void StoredTextIsReadAsUtcWhetherWrittenHereOrAnyIsoWay(string stored, string expected)
    {
        var at = Instants.Parse(stored);

        Assert.Equal(TimeSpan.Zero, at.Offset);
        Assert.Equal(expected, Instants.Format(at));
    }
}
