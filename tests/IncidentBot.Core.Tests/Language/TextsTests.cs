using System.Reflection;
using IncidentBot.Commands;
using IncidentBot.Summaries;
using IncidentBot.Support;

namespace IncidentBot.Language;

public class TextsTests
{
    [Theory]
    [InlineData("ja-JP", "ja")]
    [InlineData("ja", "ja")]
    [InlineData("en-US", "en")]
    [InlineData("en_GB", "en")]
    public void ALocaleTheBotSpeaksChoosesItsTexts(string locale, string code) => Assert.Equal(code, Texts.ForLocale(locale)!.Code);

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("")]
    [InlineData(null)]
    public void AnyOtherLocaleLeavesTheChoiceToTheBot(string? locale) => Assert.Null(Texts.ForLocale(locale));

    [Fact]
    public void EveryCommandHasAPurposeInEveryLanguage()
    {
        foreach (var texts in new[] { Texts.En, Texts.Ja })
        {
            Assert.All(Usage.All, u => Assert.True(texts.Purposes.ContainsKey(u.Name), $"{texts.Code}: {u.Name}"));
        }
    }

    [Fact]
    public void JapaneseTextsAreJapanese()
    {
        var strings = typeof(Texts).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.Name != nameof(Texts.Code))
            .Select(p => (p.Name, Value: (string)p.GetValue(Texts.Ja)!));

        Assert.All(strings, s => Assert.True(Japanese.In(s.Value), $"{s.Name}: {s.Value}"));
    }

    [Fact]
    public void TheParserAnswersInJapanese()
    {
        var parsed = CommandParser.Parse("role boss", Texts.Ja);

        Assert.Equal("「boss」はロールではありません。commander、scribe、comms のどれかを指定してください。", parsed.Error);
        Assert.Equal("role <commander|scribe|comms> [@user]", parsed.Usage);
    }

    [Fact]
    public void AJapaneseCatchUpHasJapaneseHeadings()
    {
        var summary = ExtractiveSummarizer.Write(JapaneseOutage.Request(), Texts.Ja);

        var positions = Texts.Ja.Headings.Select(h => summary.IndexOf(h + "\n", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("• インシデントコマンダー: @tanaka", summary, StringComparison.Ordinal);
        Assert.Contains("v41へロールバックすることに決めました。", PaymentsOutage.Section(summary, Texts.Ja.Decisions), StringComparison.Ordinal);
        Assert.Contains("リンク\n• https://grafana.example.com/d/payments", summary, StringComparison.Ordinal);
    }
}
