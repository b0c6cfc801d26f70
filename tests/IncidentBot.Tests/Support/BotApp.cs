using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IncidentBot.Support;

/// <summary>
/// The whole host over HTTP, on a database and export folder of its own. A second <see cref="BotApp"/> on the same
/// <see cref="Folder"/> is the same installation after a restart.
/// </summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public BotApp(string? folder = null, IDictionary<string, string?>? settings = null)
    {
        Folder = folder ?? Directory.CreateTempSubdirectory("incidentbot-test-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(Folder, "incidentbot.db")}",
            ["Postmortems:ExportPath"] = Path.Combine(Folder, "postmortems"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Folder { get; }

    public string DatabaseFile => Path.Combine(Folder, "incidentbot.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
