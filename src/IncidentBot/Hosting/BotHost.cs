using IncidentBot.Alerts;
using IncidentBot.Api;
using IncidentBot.Chat;
using IncidentBot.Jobs;
using IncidentBot.Language;
using IncidentBot.Postmortems;
using IncidentBot.Slack;
using IncidentBot.Storage;
using IncidentBot.Summaries;
using IncidentBot.Teams;

namespace IncidentBot.Hosting;

/// <summary>
/// The composition of the bot, on one screen: every feature's <c>AddXxx()</c>, then every <c>MapXxx()</c>.
/// Program.cs runs it; benchmarks and browser tests host it on a real socket with <paramref name="configure"/>.
/// </summary>
internal static class BotHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = HostingExtensions.ContentRoot(args) });
        builder.UseDefaultAddress();
        builder.Services.AddLogRedaction();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddLanguage();
        builder.Services.AddStorage();
        builder.Services.AddJobs();
        builder.Services.AddChat();
        builder.Services.AddSlack(builder.Configuration);
        builder.Services.AddTeams(builder.Configuration);
        builder.Services.AddIncidentApi();
        builder.Services.AddPostmortems();
        builder.Services.AddSummaries();
        builder.Services.AddAlerts();

        configure?.Invoke(builder);
        var app = builder.Build();
        app.DrainBeforeStopping();
        app.UseSecurityHeaders();
        app.MapIncidentBot();
        app.MapJobs();
        app.MapSlack();
        app.MapTeams();
        app.MapPostmortems();
        app.MapAlerts();
        return app;
    }
}
