using IncidentBot.Incidents;
using IncidentBot.Timeline;
using Microsoft.Extensions.Options;

namespace IncidentBot.Postmortems;

/// <summary>Drafts an incident's postmortem in Markdown from its severity's template and everything the bot knows.</summary>
internal sealed class PostmortemRenderer
{
    private readonly PostmortemTemplates _templates;
    private readonly PostmortemModel _model;

    public PostmortemRenderer(PostmortemTemplates templates, IOptions<PostmortemOptions> options)
    {
        _templates = templates;
        var zone = options.Value.TimeZone;
        _model = new PostmortemModel(TimeZoneInfo.FindSystemTimeZoneById(zone), zone);
    }

    /// <exception cref="PostmortemTemplateException">The template does not compile or render.</exception>
    public PostmortemDraft Render(Incident incident, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<ActionItem> actionItems, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var facts = PostmortemFacts.Gather(incident, timeline, actionItems);
        var file = _templates.FileFor(incident.Severity);
        var markdown = _templates.Render(file, _model.Of(facts, Path.GetFileName(file), now));
        return new PostmortemDraft(
            incident.Key, markdown, $"{incident.Key}: {incident.Title} — Postmortem", FileNames.Stem(incident.Key, incident.Title),
            Path.GetFileName(file), facts.BlameFlags.Count);
    }
}
