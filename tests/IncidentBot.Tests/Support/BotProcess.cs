using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IncidentBot.Support;

/// <summary>
/// The bot as a real <c>dotnet</c> process of its own, on a loopback port, for what only a process can show: a kill -9
/// and a restart on the same database.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BotProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>Starts the built bot with <paramref name="settings"/> and waits until it answers <c>/healthz</c>.</summary>
    public static async Task<BotProcess> StartAsync(IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var program = ProgramPath();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(program)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(program);
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bot = new BotProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        await Wait.Until(async () =>
        {
            Assert.False(process.HasExited, $"The bot exited with code {(process.HasExited ? process.ExitCode : 0)}.");
            try
            {
                return (await bot.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the bot process to answer", seconds: 60);
        return bot;
    }

    /// <summary>SIGKILL: no shutdown, no lease handed back, nothing flushed that was not already committed.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The bot's own build output, beside this test assembly's in the repository (the same configuration).</summary>
    private static string ProgramPath()
    {
        var here = AppContext.BaseDirectory;
        var folder = new DirectoryInfo(here);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "IncidentBot.sln")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        var configuration = new DirectoryInfo(here.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var program = Path.Combine(folder.FullName, "src", "IncidentBot", "bin", configuration, "net10.0", "IncidentBot.dll");
        Assert.True(File.Exists(program), $"The bot is not built at {program}.");
        return program;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
