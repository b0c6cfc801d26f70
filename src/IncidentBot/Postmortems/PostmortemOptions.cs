using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Postmortems;

/// <summary>The <c>Postmortems</c> section.</summary>
public sealed class PostmortemOptions
{
    public const string Section = "Postmortems";

    /// <summary>Folder of Handlebars templates; <c>postmortem.md.hbs</c> is the default one.</summary>
    [Required]
    public string TemplatesPath { get; set; } = "templates";

    /// <summary>Folder the drafts are written to.</summary>
    [Required]
    public string ExportPath { get; set; } = "data/postmortems";

    /// <summary>IANA zone whose local times are shown beside UTC.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";
}
