namespace IncidentBot.Language;

internal static class LanguageExtensions
{
    /// <summary><c>Bot:Language</c>, checked at start, and the choice of language per person.</summary>
    public static IServiceCollection AddLanguage(this IServiceCollection services)
    {
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BotLanguage>();
        return services;
    }
}
