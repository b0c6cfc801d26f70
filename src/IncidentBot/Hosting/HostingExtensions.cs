using IncidentBot.Api;

namespace IncidentBot.Hosting;

internal static class HostingExtensions
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>
    /// Where <c>appsettings.json</c> is read from: the program's own folder, whatever the working directory, unless
    /// <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c>/<c>DOTNET_CONTENTROOT</c> name another (null: leave it to them).
    /// Data paths (the SQLite file, exports) stay relative to the working directory.
    /// </summary>
    public static string? ContentRoot(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var given = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase)) ||
                    !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT")) ||
                    !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return given ? null : AppContext.BaseDirectory;
    }

    /// <summary>
    /// Listens on http://localhost:5080 unless <c>--urls</c>, <c>ASPNETCORE_URLS</c> or <c>ASPNETCORE_HTTP_PORTS</c> say
    /// otherwise, and refuses to listen beyond loopback (there or in <c>Kestrel:Endpoints:*:Url</c>) without <c>Api:Token</c>.
    /// </summary>
    public static WebApplicationBuilder UseDefaultAddress(this WebApplicationBuilder builder)
    {
        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        var ports = builder.Configuration["HTTP_PORTS"] ?? builder.Configuration["HTTPS_PORTS"];
        if (string.IsNullOrWhiteSpace(urls) && string.IsNullOrWhiteSpace(ports))
        {
            urls = DefaultUrl;
            builder.WebHost.UseUrls(urls);
        }

        var addresses = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? ["http://*:" + ports];
        // Kestrel's own endpoint configuration wins over the URLs above, so it is checked as well.
        addresses = [.. addresses, .. builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"]).OfType<string>().Where(url => url.Length > 0)];
        if (ApiAccess.ListensBeyondLoopback(addresses) && string.IsNullOrEmpty(builder.Configuration["Api:Token"]))
        {
            throw new InvalidOperationException(
                $"IncidentBot is set to listen on {string.Join(", ", addresses)}, beyond loopback: set Api:Token (env Api__Token) to protect the API and the dashboard.");
        }

        return builder;
    }

    /// <summary>
    /// On SIGTERM, keeps serving for <c>Hosting:DrainSeconds</c> (default 0) while <c>/readyz</c> already answers 503,
    /// so a load balancer takes the instance out of rotation before it stops accepting connections.
    /// </summary>
    public static WebApplication DrainBeforeStopping(this WebApplication app)
    {
        var seconds = app.Configuration.GetValue("Hosting:DrainSeconds", 0);
        if (seconds > 0)
        {
            var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
            lifetime.ApplicationStopping.Register(() => Thread.Sleep(TimeSpan.FromSeconds(seconds)));
        }

        return app;
    }
}
