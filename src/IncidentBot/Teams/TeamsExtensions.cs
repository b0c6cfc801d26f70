using IncidentBot.Chat;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

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

        services.AddHttpClient(TeamsAuthentication.MetadataClient).AddResilienceHandler("teams-openid", Retries);
        services.AddHttpClient(TeamsTokens.Client).AddResilienceHandler("teams-token", Retries);
        services.AddHttpClient<TeamsClient>().AddResilienceHandler("teams", Retries);
        services.AddSingleton<TeamsAuthentication>();
        services.AddSingleton<TeamsTokens>();
        services.AddSingleton<TeamsConversations>();
        services.AddSingleton<TeamsPlatform>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<TeamsPlatform>());
        services.AddSingleton<TeamsFollowUps>();
        services.AddHostedService(sp => sp.GetRequiredService<TeamsFollowUps>());
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

    /// <summary>A few quick retries on 429 (waiting what <c>Retry-After</c> says, up to 30 s) and 5xx; the outbox retries beyond that.</summary>
    private static void Retries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline) =>
        pipeline
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldRetryAfterHeader = true,
                UseJitter = true,
            })
            .AddTimeout(TimeSpan.FromSeconds(20));
}
