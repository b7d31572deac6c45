namespace Deconflict.Hub.Ground;

/// <summary>Registers ground deconfliction: store, desks and the fire-area watcher.</summary>
public static class GroundServiceExtensions
{
    public static IHostApplicationBuilder AddGroundServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<GroundStore>();
        services.AddSingleton<GroundDesk>();
        services.AddSingleton<StrikeDesk>();
        services.AddSingleton<FireAreaWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<FireAreaWatcher>());
        return builder;
    }
}
