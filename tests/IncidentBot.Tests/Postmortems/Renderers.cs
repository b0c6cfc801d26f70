using Microsoft.Extensions.Options;

namespace IncidentBot.Postmortems;

/// <summary>A renderer over the shipped templates (or a folder of a test's own), in the zone and the bot language asked for.</summary>
public static class Renderers
{
    internal static PostmortemRenderer Create(
        string timeZone = "Europe/Berlin", string? templatesPath = null, Dictionary<string, string>? templates = null, string language = "en")
    {
        var options = Options.Create(new PostmortemOptions
        {
            TemplatesPath = templatesPath ?? "templates",
            TimeZone = timeZone,
            Templates = templates ?? [],
        });
        return new PostmortemRenderer(new PostmortemTemplates(options), options, Options.Create(new Language.BotOptions { Language = language }));
    }

    /// <summary>A folder holding a copy of the shipped default template.</summary>
    public static string TemplatesFolder()
    {
        var folder = Directory.CreateTempSubdirectory("incidentbot-templates-").FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "templates", PostmortemTemplates.DefaultTemplate), Path.Combine(folder, PostmortemTemplates.DefaultTemplate));
        return folder;
    }
}
