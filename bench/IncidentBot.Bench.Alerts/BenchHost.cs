using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Bench.Alerts;

/// <summary>The real host on Kestrel at 127.0.0.1 with an OS-assigned port, on a throwaway database.</summary>
internal sealed class BenchHost : WebApplicationFactory<Program>
{
    public const string Secret = "bench-alertmanager-token";

    public BenchHost(string folder)
    {
        Folder = folder;

        // The host's content root is the bench's output folder (it holds the templates), not a source folder.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_INCIDENTBOT", AppContext.BaseDirectory);
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    public string Folder { get; }

    public string DatabaseFile => Path.Combine(Folder, "incidentbot.db");

    public Uri BaseAddress { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Storage:ConnectionString", $"Data Source={DatabaseFile}");
        builder.UseSetting("Postmortems:ExportPath", Path.Combine(Folder, "postmortems"));
        builder.UseSetting("Alerts:alertmanager:Secret", Secret);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
