using Dapper;
using IncidentBot.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentBot.Health;

/// <summary>
/// <c>/healthz</c>: the process answers. <c>/readyz</c>: the database answers, the writer can write (a probe write
/// through it, which fails while writes fail and recovers with them), and the instance is not draining.
/// </summary>
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
        routes.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteReadinessAsync });
        return routes;
    }

    /// <summary>"Healthy", or "Unhealthy" and what is wrong, in plain words (never a connection string).</summary>
    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var why = report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy && e.Description is { Length: > 0 }).Select(e => e.Description);
        return context.Response.WriteAsync(report.Status == HealthStatus.Healthy
            ? report.Status.ToString()
            : string.Join(" ", why.Prepend(report.Status + ":")));
    }

    private sealed class DatabaseHealthCheck(Database database, DatabaseWriter writer, TimeProvider time) : IHealthCheck
    {
        /// <summary>Longer than a probe waits in the writer's queue under load, shorter than a probe's usual timeout.</summary>
        private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(5);

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using (var connection = await database.OpenForProbeAsync(cancellationToken).ConfigureAwait(false))
                {
                    await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM schema_migrations", cancellationToken: cancellationToken))
                        .ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy(StorageFault.Of(exception)?.Cause ?? "The database does not answer.", exception);
            }

            try
            {
                // Reads alone say nothing of a full disk or a read-only file: a write through the writer does, with its
                // retry on a fresh connection, so the probe also brings the writer back once the fault is gone.
                await writer.WriteAsync(async (scope, ct) =>
                {
                    await database.ProbeWriteAsync(scope.Connection, scope.Transaction, ct).ConfigureAwait(false);
                    return true;
                }, cancellationToken).WaitAsync(WriteTimeout, time, cancellationToken).ConfigureAwait(false);
                return HealthCheckResult.Healthy();
            }
            catch (TimeoutException exception)
            {
                return HealthCheckResult.Unhealthy("Writes to the database do not finish.", exception);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy(StorageFault.Of(exception)?.Cause ?? "Writes to the database fail.", exception);
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
