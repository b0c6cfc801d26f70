using IncidentBot.Chat;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

internal static class SlackExtensions
{
    /// <summary>Slack, when <c>Slack:BotToken</c> and <c>Slack:SigningSecret</c> are both set.</summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(SlackOptions.Section).Get<SlackOptions>() ?? new SlackOptions();
        if (!settings.Enabled)
        {
            return services;
        }

        services.AddHttpClient<SlackClient>().AddResilienceHandler("slack", ChatHttp.Retries);
        services.AddHttpClient(SlackFollowUps.ResponseClient).AddResilienceHandler("slack-response-url", ChatHttp.Retries);
        services.AddSingleton<SlackReplays>();
        services.AddSingleton<SlackInbound>();
        services.AddSingleton<SlackLocales>();
        services.AddSingleton<SlackPlatform>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<SlackPlatform>());
        services.AddSingleton<SlackFollowUps>();
        services.AddSingleton<Jobs.IJobHandler, SlackPins>();
        services.AddSingleton<Jobs.IJobHandler, SlackNudges>();
        services.AddSingleton<SlackHistory>();
        services.AddSingleton<IRoomHistory>(sp => sp.GetRequiredService<SlackHistory>());
        return services;
    }

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder routes)
    {
        if (!routes.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value.Enabled)
        {
            return routes;
        }

        var slack = routes.MapGroup("/slack");
        slack.MapPost("/commands", SlackCommandEndpoint.HandleAsync);
        slack.MapPost("/events", SlackEventsEndpoint.HandleAsync);
        slack.MapPost("/interactivity", SlackInteractivityEndpoint.HandleAsync);
        return routes;
    }
}
