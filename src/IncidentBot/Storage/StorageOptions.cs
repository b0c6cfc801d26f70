using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Storage;

/// <summary>The <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>sqlite</c> (embedded, the default).</summary>
    [Required]
    [RegularExpression("^(?i)sqlite$", ErrorMessage = "Storage:Provider must be 'sqlite'.")]
    public string Provider { get; set; } = "sqlite";

    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/incidentbot.db";
}
