using IncidentBot.Incidents;
using IncidentBot.Timeline;
using Microsoft.Extensions.Options;

namespace IncidentBot.Postmortems;

/// <summary>
/// Drafts an incident's postmortem in Markdown from its severity's template (else the template of the bot's language)
/// and everything the bot knows.
/// </summary>
internal sealed class PostmortemRenderer
{
    private readonly PostmortemTemplates _templates;
    private readonly PostmortemModel _model;
    private readonly Language.Texts _texts;

    public PostmortemRenderer(PostmortemTemplates templates, IOptions<PostmortemOptions> options, IOptions<Language.BotOptions> bot)
    {
        _templates = templates;
        var zone = options.Value.TimeZone;
        _texts = Language.Texts.For(bot.Value.Language) ?? Language.Texts.En;
        _model = new PostmortemModel(TimeZoneInfo.FindSystemTimeZoneById(zone), zone, _texts);
    }

    /// <exception cref="PostmortemTemplateException">The template does not compile or render.</exception>
    public PostmortemDraft Render(Incident incident, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<ActionItem> actionItems, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var facts = PostmortemFacts.Gather(incident, timeline, actionItems);
        var file = _templates.FileFor(incident.Severity, _texts.Code);
        var name = _templates.NameOf(file);
        var markdown = _templates.Render(file, _model.Of(facts, name, now));
        return new PostmortemDraft(
            incident.Key, markdown, $"{incident.Key}: {incident.Title} — Postmortem", FileNames.Stem(incident.Key, incident.Title),
            name, facts.BlameFlags.Count, _texts.Code);
    }
}
