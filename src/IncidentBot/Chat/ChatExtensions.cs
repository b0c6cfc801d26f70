using IncidentBot.Jobs;
using IncidentBot.Storage;

namespace IncidentBot.Chat;

internal static class ChatExtensions
{
    /// <summary>
    /// The rooms, and delivery through the job queue: every timeline entry becomes a delivery job per platform.
    /// Platforms register themselves as <see cref="IChatPlatform"/> when configured.
    /// </summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChatPlatforms>();
        services.AddSingleton<RoomStore>();
        services.AddSingleton<AfterAcknowledgement>();
        services.AddHostedService(sp => sp.GetRequiredService<AfterAcknowledgement>());
        services.AddSingleton<IEntryFollowUp, ChatFollowUp>();
        services.AddSingleton<IJobHandler, ChatDelivery>();
        return services;
    }
}
