namespace IncidentBot.Postmortems;

public class FileNamesTests
{
    [Theory]
    [InlineData("INC-1", "決済APIで502エラーが多発", "INC-1-決済APIで502エラーが多発")]
    [InlineData("INC-42", "Payments API down", "INC-42-payments-api-down")]
    [InlineData("INC-3", "ＤＢ接続：タイムアウト／再試行?", "INC-3-DB接続-タイムアウト-再試行")]
    [InlineData("INC-4", "障害 <CON> \"a|b\" *.* 対応…", "INC-4-障害-CON-a-b-対応")]
    [InlineData("INC-5", "   ", "INC-5")]
    [InlineData("INC-6", "💥!! ...", "INC-6")]
    [InlineData("INC-7", "。、「」", "INC-7")]
    public void NamesKeepTheirJapaneseAndAreSafeEverywhere(string key, string title, string expected) =>
        Assert.Equal(expected, FileNames.Stem(key, title));

    [Fact]
    public void AStemHoldsNoCharacterAnyFileSystemForbidsAndIsShortEnough()
    {
        var stem = FileNames.Stem("INC-12345", string.Concat(Enumerable.Repeat("決済/API\\で:502*エラー?が\"多発<>|. ", 20)));

        Assert.Equal(-1, stem.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|', '.', ' ']));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(stem + ".v99.docx") <= 255);
        Assert.False(stem.EndsWith('-'));
    }
}
