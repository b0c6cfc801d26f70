namespace IncidentBot.Summaries;

public class ChunkPlannerTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(400, 101)]
    public void TokensAreAQuarterOfTheCharactersRoundedUpPlusTheLineBreak(int length, int tokens) =>
        Assert.Equal(tokens, ChunkPlanner.EstimateTokens(new string('a', length)));

    [Fact]
    public void LinesAreGroupedInOrderWithinTheBudget()
    {
        var lines = Enumerable.Range(0, 25).Select(i => $"{i:00}" + new string('x', 394)).ToList(); // 101 tokens each

        var chunks = ChunkPlanner.Plan(lines, 1_010);

        Assert.Equal([10, 10, 5], chunks.Select(c => c.Count));
        Assert.Equal(lines, chunks.SelectMany(c => c));
        Assert.All(chunks, c => Assert.True(c.Sum(ChunkPlanner.EstimateTokens) <= 1_010));
    }

    [Fact]
    public void ALineTooLongForAnyChunkIsCutToFitOneAlone()
    {
        string[] lines = ["short", new string('y', 10_000), "after"];

        var chunks = ChunkPlanner.Plan(lines, 100);

        Assert.Equal(3, chunks.Count);
        Assert.Equal(new string('y', 395) + "…", Assert.Single(chunks[1]));
        Assert.True(ChunkPlanner.EstimateTokens(chunks[1][0]) <= 100);
    }

    [Fact]
    public void NothingToPlanIsNoChunk() => Assert.Empty(ChunkPlanner.Plan([], 1_000));
}
