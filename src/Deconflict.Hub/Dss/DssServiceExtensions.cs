namespace Deconflict.Hub.Dss;

/// <summary>Registers the F3548 DSS: options (<c>F3548:*</c>), token verification, state loaded at start, desks, notifications of hub intents.</summary>
public static class DssServiceExtensions
{
    public static IHostApplicationBuilder AddDssServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<F3548Options>().BindConfiguration("F3548");
        services.AddSingleton<DssTokens>();
        services.AddSingleton<DssState>();
        services.AddSingleton<DssStore>();
        services.AddSingleton<DssParties>();
        services.AddSingleton<HubIntentReferences>();
        services.AddSingleton<OperationalIntentDesk>();
        services.AddSingleton<ConstraintDesk>();
        services.AddSingleton<SubscriptionDesk>();
        services.AddSingleton<AvailabilityDesk>();
        services.AddSingleton<HubStartup.Step>((sp, ct) => sp.GetRequiredService<DssStore>().LoadAsync(ct));
        services.AddHttpClient(nameof(DssNotifier), c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<DssNotifier>();
        return builder;
    }
}
