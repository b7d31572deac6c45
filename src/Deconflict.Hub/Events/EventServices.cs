using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Events;

/// <summary>Registers the event bus, the in-memory open-conflict objects it delivers with, the frames and the pruner.</summary>
public static class EventServices
{
    public static IHostApplicationBuilder AddEventServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<OpenConflictObjects>();
        services.AddSingleton<HubEvents>();
        services.AddSingleton<EventFrames>();
        services.AddSingleton<EventPruner>();
        return builder;
    }

    /// <summary>Runs the pruner; registered after the start-up work so the first run meets a migrated store.</summary>
    public static IServiceCollection AddEventPruning(this IServiceCollection services)
    {
        services.AddHostedService(sp => sp.GetRequiredService<EventPruner>());
        return services;
    }

    /// <summary>Start-up step, after the stored conflicts have their full identities: which objects are in open conflicts.</summary>
    public static async Task LoadOpenConflictsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var store = services.GetRequiredService<IHubStore>();
        services.GetRequiredService<OpenConflictObjects>().Load(await store.ListConflictsAsync(null, "open", cancellationToken).ConfigureAwait(false));
    }
}
