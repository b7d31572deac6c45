namespace Deconflict.Hub.Tracks;

/// <summary>Registers live surveillance: the live picture, the detection cycle and the optional SBS-1 feed client and ASTERIX listeners.</summary>
public static class SurveillanceServiceExtensions
{
    public static IHostApplicationBuilder AddSurveillanceServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SurveillanceOptions>().BindConfiguration("Surveillance").ValidateDataAnnotations()
            .Validate(o => o.Do365M <= o.Do365N, "Surveillance:Do365M must not exceed Surveillance:Do365N").ValidateOnStart();
        services.AddSingleton<LivePicture>();
        services.AddSingleton<LiveDetectionService>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveDetectionService>());
        services.AddSingleton<SbsFeedClient>();
        services.AddHostedService(sp => sp.GetRequiredService<SbsFeedClient>());
        services.AddSingleton<AsterixFeedListener>();
        services.AddHostedService(sp => sp.GetRequiredService<AsterixFeedListener>());
        return builder;
    }
}
