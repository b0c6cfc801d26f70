namespace IncidentBot.Jobs;

internal static class JobsExtensions
{
    /// <summary>The durable work queue: its store, its one runner and the queue's own upkeep. Features add their handlers.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobQueries>();
        services.AddSingleton<IJobHandler, JobsPurge>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return services;
    }
}
