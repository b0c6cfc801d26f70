using IncidentBot.Commands;
using IncidentBot.Incidents;

namespace IncidentBot.Commands;

public class CommandParserTests
{
    [Fact]
    public void DeclareTakesTrailingSeverityAndFlagsInAnyOrder()
    {
        var parsed = CommandParser.Parse("declare Payments API down drill sev1 private");

        var declare = Assert.IsType<DeclareCommand>(parsed.Command);
        Assert.Equal(new Declaration("Payments API down", Severity.Sev1, IsPrivate: true, IsDrill: true), declare.Declaration);
    }

    [Fact]
    public void DeclareWithoutSeverityIsSev3()
    {
        var declare = Assert.IsType<DeclareCommand>(CommandParser.Parse("declare Checkout slow").Command);

        Assert.Equal(Severity.Sev3, declare.Declaration.Severity);
        Assert.False(declare.Declaration.IsPrivate);
    }

    [Fact]
    public void FlagWordsInsideTheTitleStayInTheTitle()
    {
        var declare = Assert.IsType<DeclareCommand>(CommandParser.Parse("declare private registry drill failing sev2").Command);

        Assert.Equal("private registry drill failing", declare.Declaration.Title);
    }

    [Fact]
    public void DeclareAcceptsAQuotedUnicodeTitle()
    {
        var declare = Assert.IsType<DeclareCommand>(CommandParser.Parse("declare “Zahlungen schlagen fehl 💳 — 東京” sev2").Command);

        Assert.Equal("Zahlungen schlagen fehl 💳 — 東京", declare.Declaration.Title);
        Assert.Equal(Severity.Sev2, declare.Declaration.Severity);
    }

    [Theory]
    [InlineData("declare")]
    [InlineData("declare sev1 private")]
    public void DeclareWithoutATitleAnswersWithItsUsage(string text)
    {
        var parsed = CommandParser.Parse(text);

        Assert.False(parsed.Ok);
        Assert.Equal("declare <title> [sev1|sev2|sev3|sev4] [private] [drill]", parsed.Usage);
    }

    [Theory]
    [InlineData("role commander", Role.Commander, null)]
    [InlineData("role scribe @bob", Role.Scribe, "bob")]
    [InlineData("role comms <@U024BE7LH|carol>", Role.Comms, "<@U024BE7LH|carol>")]
    [InlineData("ROLE Commander @dave", Role.Commander, "dave")]
    public void RoleNamesTheRoleAndOptionallyAPerson(string text, Role role, string? user) =>
        Assert.Equal(new RoleCommand(role, user), CommandParser.Parse(text).Command);

    [Theory]
    [InlineData("role")]
    [InlineData("role janitor")]
    [InlineData("role commander bob")]
    [InlineData("role commander @bob @carol")]
    public void BadRoleCommandsAnswerWithTheRoleUsage(string text) =>
        Assert.Equal("role <commander|scribe|comms> [@user]", CommandParser.Parse(text).Usage);

    [Theory]
    [InlineData("sev 1", Severity.Sev1)]
    [InlineData("sev sev4", Severity.Sev4)]
    [InlineData("sev SEV2", Severity.Sev2)]
    public void SevTakesOneToFour(string text, Severity severity) =>
        Assert.Equal(new SeverityCommand(severity), CommandParser.Parse(text).Command);

    [Theory]
    [InlineData("sev")]
    [InlineData("sev 0")]
    [InlineData("sev 5")]
    [InlineData("sev high")]
    [InlineData("sev 11")]
    public void BadSeverityAnswersWithTheSevUsage(string text) =>
        Assert.Equal("sev <1-4>", CommandParser.Parse(text).Usage);

    [Fact]
    public void StatusTakesTheFirstThreeStatuses() =>
        Assert.Equal(new StatusCommand(IncidentStatus.Monitoring), CommandParser.Parse("status monitoring").Command);

    [Fact]
    public void StatusResolvedIsTheResolveTransition() =>
        Assert.Equal(new ResolveCommand(null), CommandParser.Parse("status resolved").Command);

    [Fact]
    public void BadStatusAnswersWithTheStatusUsage() =>
        Assert.Equal("status <investigating|identified|monitoring|resolved>", CommandParser.Parse("status fixed").Usage);

    [Fact]
    public void NoteKeepsItsTextAsWritten()
    {
        var note = Assert.IsType<NoteCommand>(CommandParser.Parse("note  rolled back to v1.2.3 —  error rate 0.4%\nsecond line").Command);

        Assert.Equal("rolled back to v1.2.3 —  error rate 0.4%\nsecond line", note.Text);
    }

    [Theory]
    [InlineData("note", "note <text>")]
    [InlineData("update   ", "update <text>")]
    public void NoteAndUpdateNeedText(string text, string usage) => Assert.Equal(usage, CommandParser.Parse(text).Usage);

    [Theory]
    [InlineData("resolve", null)]
    [InlineData("resolve rolled back the deploy", "rolled back the deploy")]
    public void ResolveTakesAnOptionalText(string text, string? reason) =>
        Assert.Equal(new ResolveCommand(reason), CommandParser.Parse(text).Command);

    [Fact]
    public void ActionTakesOwnerAndDueInEitherOrder()
    {
        Assert.Equal(
            new ActionCommand("add queue depth alert", "bob", new DateOnly(2025, 4, 1)),
            CommandParser.Parse("action add queue depth alert @bob due 2025-04-01").Command);
        Assert.Equal(
            new ActionCommand("add queue depth alert", "bob", new DateOnly(2025, 4, 1)),
            CommandParser.Parse("action add queue depth alert due 2025-04-01 @bob").Command);
        Assert.Equal(new ActionCommand("write runbook", null, null), CommandParser.Parse("action write runbook").Command);
    }

    [Theory]
    [InlineData("action add queue depth alert @bob due 2025-04-01 detect")]
    [InlineData("action add queue depth alert detect @bob due 2025-04-01")]
    [InlineData("action add queue depth alert due 2025-04-01 DETECT @bob")]
    public void ActionTakesAnOptionalTrailingKindAmongOwnerAndDue(string text) =>
        Assert.Equal(
            new ActionCommand("add queue depth alert", "bob", new DateOnly(2025, 4, 1), ActionKind.Detect),
            CommandParser.Parse(text).Command);

    [Fact]
    public void AOneWordActionKeepsAKindWordAsItsText() =>
        Assert.Equal(new ActionCommand("mitigate", null, null), CommandParser.Parse("action mitigate").Command);

    [Fact]
    public void ActionWithABadDueDateSaysHowToWriteIt()
    {
        var parsed = CommandParser.Parse("action fix it due 2025-13-45");

        Assert.Contains("YYYY-MM-DD", parsed.Error, StringComparison.Ordinal);
        Assert.Equal("action <text> [@owner] [due YYYY-MM-DD]", parsed.Usage);
    }

    [Theory]
    [InlineData("summary", typeof(SummaryCommand))]
    [InlineData("timeline", typeof(TimelineCommand))]
    [InlineData("reopen", typeof(ReopenCommand))]
    [InlineData("postmortem", typeof(PostmortemCommand))]
    [InlineData("list", typeof(ListCommand))]
    [InlineData("help", typeof(HelpCommand))]
    [InlineData("  /incident   list ", typeof(ListCommand))]
    public void BareCommandsParse(string text, Type type) => Assert.IsType(type, CommandParser.Parse(text).Command);

    [Fact]
    public void BareCommandsRefuseArguments() => Assert.Equal("reopen", CommandParser.Parse("reopen now please").Usage);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("frobnicate the widgets")]
    [InlineData("💥💥💥")]
    [InlineData("'; DROP TABLE incidents; --")]
    public void GarbageIsRefusedWithTheHelpUsage(string? text)
    {
        var parsed = CommandParser.Parse(text);

        Assert.False(parsed.Ok);
        Assert.False(string.IsNullOrEmpty(parsed.Error));
        Assert.Equal("help [command]", parsed.Usage);
    }

    [Fact]
    public void TextAtTheLimitIsAccepted()
    {
        var text = "note " + new string('x', CommandParser.MaxLength - 5);

        Assert.True(CommandParser.Parse(text).Ok);
    }

    [Fact]
    public void TextAboveTheLimitIsRefusedNotCut()
    {
        var parsed = CommandParser.Parse("note " + new string('x', CommandParser.MaxLength));

        Assert.False(parsed.Ok);
        Assert.Contains("4,000", parsed.Error, StringComparison.Ordinal);
        Assert.Equal("note <text>", parsed.Usage);
    }

    [Fact]
    public void ATitleAboveItsLimitIsRefused() =>
        Assert.False(CommandParser.Parse("declare " + new string('t', Incident.MaxTitleLength + 1)).Ok);

    [Fact]
    public void EveryCommandOfTheGrammarHasAUsageLine()
    {
        string[] grammar = ["declare", "role", "sev", "status", "note", "update", "summary", "timeline", "resolve", "reopen", "action", "postmortem", "list", "help"];

        Assert.All(grammar, name => Assert.StartsWith(name, Usage.Of(name), StringComparison.Ordinal));
    }
}
