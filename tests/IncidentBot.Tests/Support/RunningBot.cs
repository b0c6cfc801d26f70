using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Support;

/// <summary>
/// The real host on a real loopback socket (Kestrel, not the in-memory test server), for a browser or a second
/// process to reach. Its own database folder, like <see cref="BotApp"/>.
/// </summary>
public sealed class RunningBot : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningBot(WebApplication app, Uri baseAddress, string folder)
    {
        _app = app;
        BaseAddress = baseAddress;
        Folder = folder;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public string Folder { get; }

    public HttpClient Client { get; }

    public static async Task<RunningBot> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("incidentbot-run-").FullName;
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--Storage:ConnectionString=Data Source={Path.Combine(folder, "incidentbot.db")}",
            $"--Postmortems:ExportPath={Path.Combine(folder, "postmortems")}",
            "--Logging:LogLevel:Default=Warning",
        };
        args.AddRange((settings ?? new Dictionary<string, string?>()).Select(s => $"--{s.Key}={s.Value}"));
        var app = IncidentBot.Hosting.BotHost.Build([.. args]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningBot(app, new Uri(address.TrimEnd('/') + "/"), folder);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
