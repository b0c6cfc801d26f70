using IncidentBot.Chat;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

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

        services.AddHttpClient<SlackClient>().AddResilienceHandler("slack", Retries);
        services.AddHttpClient(SlackFollowUps.ResponseClient).AddResilienceHandler("slack-response-url", Retries);
        services.AddSingleton<SlackInbound>();
        services.AddSingleton<SlackPlatform>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<SlackPlatform>());
        services.AddSingleton<SlackFollowUps>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackFollowUps>());
        services.AddSingleton<SlackInbox>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackInbox>());
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
