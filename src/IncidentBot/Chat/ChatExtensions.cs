namespace IncidentBot.Chat;

internal static class ChatExtensions
{
    /// <summary>The outbox and the rooms; platforms register themselves as <see cref="IChatPlatform"/> when configured.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChatPlatforms>();
        services.AddSingleton<RoomStore>();
        services.AddSingleton<AfterAcknowledgement>();
        services.AddHostedService(sp => sp.GetRequiredService<AfterAcknowledgement>());
        services.AddSingleton<ChatOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<ChatOutbox>());
        return services;
    }
}
