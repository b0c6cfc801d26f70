using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Storage;

/// <summary>The <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>sqlite</c> (embedded, the default) or <c>postgres</c> (several instances on one database).</summary>
    [Required]
    [RegularExpression("^(?i)(sqlite|postgres)$", ErrorMessage = "Storage:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = "sqlite";

    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/incidentbot.db";

    /// <summary>
    /// SQLite: the write-ahead log is checkpointed back into the database before it grows past this size, holding the
    /// writer briefly if it must; 0 turns the bound off (the log then grows for as long as writes keep coming).
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxWalMegabytes { get; set; } = 64;

    /// <summary>The <c>Retry-After</c> of a 503 answered while storage is unavailable.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;

    public long MaxWalBytes => MaxWalMegabytes * 1024L * 1024L;
}
