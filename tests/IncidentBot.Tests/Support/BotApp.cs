using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Support;

/// <summary>
/// The whole host over HTTP, on a database and export folder of its own. A second <see cref="BotApp"/> on the same
/// <see cref="Folder"/> is the same installation after a restart.
/// </summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Registrations after the bot's own: a fake clock, a job handler of the test's.</param>
    public BotApp(
        string? folder = null, IDictionary<string, string?>? settings = null, TestDatabase? database = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        Folder = folder ?? Directory.CreateTempSubdirectory("incidentbot-test-").FullName;
        Database = database ?? TestDatabase.Sqlite(Folder);
        _settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = Database.Provider,
            ["Storage:ConnectionString"] = Database.ConnectionString,
            ["Postmortems:ExportPath"] = Path.Combine(Folder, "postmortems"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Folder { get; }

    /// <summary>The database of this installation: a second <see cref="BotApp"/> on it is another instance, or the same after a restart.</summary>
    public TestDatabase Database { get; }

    public string DatabaseFile => Path.Combine(Folder, "incidentbot.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }
}
