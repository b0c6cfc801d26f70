using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Postmortems;

/// <summary>The <c>Postmortems</c> section.</summary>
public sealed class PostmortemOptions
{
    public const string Section = "Postmortems";

    /// <summary>Folder of Handlebars templates; <c>postmortem.md.hbs</c> is the default one.</summary>
    [Required]
    public string TemplatesPath { get; set; } = "templates";

    /// <summary>
    /// A template per severity, by label: <c>Postmortems:Templates:SEV1</c> = <c>sev1-postmortem.md.hbs</c>, a file in
    /// <see cref="TemplatesPath"/>. A severity without one gets the default template.
    /// </summary>
    public Dictionary<string, string> Templates { get; set; } = [];

    /// <summary>Folder the drafts are written to.</summary>
    [Required]
    public string ExportPath { get; set; } = "data/postmortems";

    /// <summary>IANA zone whose local times are shown beside UTC.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Confluence Cloud; off while its settings are empty.</summary>
    public ConfluenceOptions Confluence { get; set; } = new();
}
