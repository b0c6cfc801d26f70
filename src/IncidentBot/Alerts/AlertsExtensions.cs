using Microsoft.Extensions.Options;

namespace IncidentBot.Alerts;

internal static class AlertsExtensions
{
    /// <summary>The <c>Alerts</c> options, checked at start, the routing policy they describe, and the alert reads.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertsOptions>, PolicyValidation>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AlertsOptions>>().Value.ToPolicy().Policy
            ?? throw new InvalidOperationException("The Alerts options are not valid."));
        return services;
    }

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder routes)
    {
        routes.MapAlertWebhooks();
        return routes;
    }

    private sealed class PolicyValidation : IValidateOptions<AlertsOptions>
    {
        public ValidateOptionsResult Validate(string? name, AlertsOptions options) =>
            options.ToPolicy().Problems is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
