namespace IncidentBot.Storage;

internal static class StorageExtensions
{
    /// <summary>
    /// The database: migrated before anything else starts, one group-committing writer, pooled readers, a bounded log,
    /// and 503 for requests that fail on storage.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        DapperSetup.EnsureConfigured();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Database>(sp =>
            string.Equals(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.Provider, "postgres", StringComparison.OrdinalIgnoreCase)
                ? ActivatorUtilities.CreateInstance<PostgresDatabase>(sp)
                : ActivatorUtilities.CreateInstance<SqliteDatabase>(sp));
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService<MigrationOnStart>();
        services.AddSingleton<CommitSignal>();
        services.AddSingleton<DatabaseWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseWriter>());
        services.AddHostedService<WalCheckpointer>();
        services.AddSingleton<IncidentQueries>();
        services.AddExceptionHandler<StorageUnavailableHandler>();
        return services;
    }

    private sealed class MigrationOnStart(DatabaseMigrator migrator) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
