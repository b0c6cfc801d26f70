using Dapper;
using IncidentBot.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentBot.Health;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: the database answers and the instance is not draining.</summary>
internal static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<DrainingHealthCheck>("draining", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        routes.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return routes;
    }

    private sealed class DatabaseHealthCheck(Database database) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var connection = await database.OpenForProbeAsync(cancellationToken).ConfigureAwait(false);
                await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM schema_migrations", cancellationToken: cancellationToken))
                    .ConfigureAwait(false);
                return HealthCheckResult.Healthy();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.", exception);
            }
        }
    }

    private sealed class DrainingHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
                ? HealthCheckResult.Unhealthy("Shutting down.")
                : HealthCheckResult.Healthy());
    }
}
