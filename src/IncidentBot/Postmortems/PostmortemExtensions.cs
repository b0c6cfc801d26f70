using Microsoft.Extensions.Options;

namespace IncidentBot.Postmortems;

internal static class PostmortemExtensions
{
    /// <summary>Templates, rendering, the export folder, Confluence and the service the <c>postmortem</c> command runs.</summary>
    public static IServiceCollection AddPostmortems(this IServiceCollection services)
    {
        services.AddOptions<PostmortemOptions>().BindConfiguration(PostmortemOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<PostmortemOptions>, PostmortemOptionsValidation>();
        services.AddSingleton<PostmortemTemplates>();
        services.AddSingleton<PostmortemRenderer>();
        services.AddSingleton<FolderExport>();
        services.AddHttpClient<ConfluenceClient>((sp, http) =>
            ConfluenceClient.Configure(http, sp.GetRequiredService<IOptions<PostmortemOptions>>().Value.Confluence))
            // The client lives as long as the singleton export: pooled connections are renewed instead of handlers.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<ConfluenceExport>();
        services.AddSingleton<PostmortemService>();
        return services;
    }
}
