using IncidentBot.Incidents;

namespace IncidentBot.Postmortems;

public sealed class PostmortemTemplateTests : IDisposable
{
    private readonly string _folder = Renderers.TemplatesFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        File.WriteAllText(Path.Combine(_folder, name), text);
        return name;
    }

    private PostmortemDraft Render(RichIncident rich, Dictionary<string, string>? templates = null) =>
        Renderers.Create(templatesPath: _folder, templates: templates).Render(rich.Incident, rich.Timeline, rich.ActionItems, RichIncident.Declared);

    [Fact]
    public void TheTemplateConfiguredForASeverityIsUsedAndOthersGetTheDefault()
    {
        var custom = Write("sev1-review.md.hbs", "# {{incident.severity}} review of {{incident.key}}\n\n{{#each timeline}}\n- {{utc}} {{line text}}\n{{/each}}\n");
        var templates = new Dictionary<string, string> { ["SEV1"] = custom };

        var sev1 = Render(new RichIncident(), templates);
        var (sev3, declared) = Incident.Declare(43, new Declaration("Slow search", Severity.Sev3), "alice", RichIncident.Declared);
        var other = Renderers.Create(templatesPath: _folder, templates: templates).Render(sev3, [declared], [], RichIncident.Declared);

        Assert.StartsWith("# SEV1 review of INC-42\n\n- 2025-03-30 00:50:00 INC-42 declared", sev1.Markdown, StringComparison.Ordinal);
        Assert.Equal("sev1-review.md.hbs", sev1.Template);
        Assert.StartsWith("# Postmortem: INC-43 Slow search", other.Markdown, StringComparison.Ordinal);
        Assert.Equal(PostmortemTemplates.DefaultTemplate, other.Template);
    }

    [Fact]
    public void ASeverityKeyIsMatchedWhateverItsCase()
    {
        Write("critical.md.hbs", "critical {{incident.key}}");

        var draft = Render(new RichIncident(), new Dictionary<string, string> { ["sev1"] = "critical.md.hbs" });

        Assert.Equal("critical INC-42", draft.Markdown);
    }

    [Fact]
    public void AnEditedTemplateIsReadAgain()
    {
        var renderer = Renderers.Create(templatesPath: _folder, templates: new() { ["SEV1"] = Write("mine.md.hbs", "first") });
        var rich = new RichIncident();
        Assert.Equal("first", renderer.Render(rich.Incident, rich.Timeline, rich.ActionItems, RichIncident.Declared).Markdown);

        File.WriteAllText(Path.Combine(_folder, "mine.md.hbs"), "second");
        File.SetLastWriteTimeUtc(Path.Combine(_folder, "mine.md.hbs"), DateTime.UtcNow.AddMinutes(1));

        Assert.Equal("second", renderer.Render(rich.Incident, rich.Timeline, rich.ActionItems, RichIncident.Declared).Markdown);
    }

    [Theory]
    [InlineData("# {{incident.key}}\n\n{{#each timeline}}\n- {{text}}\n{{/if}}\n", 5, "`{{/if}}` closes `{{#each}}`, which was opened on line 3")]
    [InlineData("# {{incident.key}}\n{{#if summary}}\nsummary\n\n", 2, "`{{#if}}` is opened here and never closed")]
    [InlineData("# title\n\nline three\n{{incident.key\n", 4, "never closed with `}}`")]
    [InlineData("# {{incident.key}}\n\n\n{{shout incident.title}}\n", 4, "Helper 'shout'")]
    [InlineData("# {{incident.key}}\n{{> footer}}\n", 2, "partial name 'footer'")]
    [InlineData("a\n{{/each}}\n", 2, "closes a block that was never opened")]
    public void ATemplateErrorNamesTheTemplateFileAndTheLine(string text, int line, string problem)
    {
        var broken = Write("broken.md.hbs", text);

        var error = Assert.Throws<PostmortemTemplateException>(() => Render(new RichIncident(), new() { ["SEV1"] = broken }));

        Assert.Equal("broken.md.hbs", error.Template);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"The postmortem template broken.md.hbs has an error on line {line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingTemplateFileIsNamed()
    {
        File.Delete(Path.Combine(_folder, PostmortemTemplates.DefaultTemplate));

        var error = Assert.Throws<PostmortemTemplateException>(() => Render(new RichIncident()));

        Assert.Contains("postmortem.md.hbs", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
}
