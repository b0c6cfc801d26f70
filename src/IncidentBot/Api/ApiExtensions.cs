using IncidentBot.Commands;
using IncidentBot.Dashboard;
using IncidentBot.Health;
using IncidentBot.Summaries;
using Prometheus;

namespace IncidentBot.Api;

internal static class ApiExtensions
{
    /// <summary>The command runner and what it needs, the JSON API, the dashboard, health and metrics.</summary>
    public static IServiceCollection AddIncidentApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        services.AddSingleton<ApiAccess>();
        services.AddSingleton<ApiTokenFilter>();
        services.AddSingleton<CommandRunner>();
        services.AddSingleton<IncidentMetrics>();
        services.AddHealth();
        return services;
    }

    public static WebApplication MapIncidentBot(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<IncidentMetrics>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMetricsAccess();
        app.UseHttpMetrics(options => options.SetMetricFactory(Prometheus.Metrics.WithCustomRegistry(metrics.Registry)));
        app.MapHealth();
        app.MapMetrics(MetricsAccess.Path, metrics.Registry);
        app.MapIncidentApi();
        app.MapDashboard();
        return app;
    }
}
