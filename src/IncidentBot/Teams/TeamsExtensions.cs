using IncidentBot.Chat;
using Microsoft.Extensions.Options;

namespace IncidentBot.Teams;

internal static class TeamsExtensions
{
    /// <summary>Teams, when <c>Teams:AppId</c> and <c>Teams:AppPassword</c> are both set.</summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(TeamsOptions.Section).Get<TeamsOptions>() ?? new TeamsOptions();
        if (!settings.Enabled)
        {
            return services;
        }

        services.AddHttpClient(TeamsAuthentication.MetadataClient).AddResilienceHandler("teams-openid", ChatHttp.Retries);
        services.AddHttpClient(TeamsTokens.Client).AddResilienceHandler("teams-token", ChatHttp.Retries);
        services.AddHttpClient<TeamsClient>().AddResilienceHandler("teams", ChatHttp.Retries);
        services.AddSingleton<TeamsAuthentication>();
        services.AddSingleton<TeamsTokens>();
        services.AddSingleton<TeamsConversations>();
        services.AddSingleton<TeamsPlatform>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<TeamsPlatform>());
        services.AddSingleton<TeamsFollowUps>();
        return services;
    }

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder routes)
    {
        if (routes.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value.Enabled)
        {
            routes.MapPost("/teams/messages", TeamsMessagesEndpoint.HandleAsync);
        }

        return routes;
    }
}
