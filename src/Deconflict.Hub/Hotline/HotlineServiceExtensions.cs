using Deconflict.Core.Hotline;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Hotline;

/// <summary>Registers the hotline: catalogue (built-in languages plus <c>&lt;data&gt;/hotline/*.json</c>), store, desk, background escalation.</summary>
public static class HotlineServiceExtensions
{
    public static IHostApplicationBuilder AddHotlineServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(sp =>
            HotlineCatalog.Default.WithDirectory(Path.Combine(Path.GetFullPath(sp.GetRequiredService<IOptions<HubOptions>>().Value.DataDirectory), "hotline")));
        services.AddSingleton<HotlineStore>();
        services.AddSingleton<HotlineDesk>();
        services.AddSingleton<HotlineDrafts>();
        services.AddSingleton<HotlineEscalationService>();
        services.AddHostedService(sp => sp.GetRequiredService<HotlineEscalationService>());
        return builder;
    }
}
