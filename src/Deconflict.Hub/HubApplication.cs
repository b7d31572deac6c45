using Deconflict.Hub.Auth;
using Deconflict.Hub.Http;
using Deconflict.Hub.WebConsole;
using Scalar.AspNetCore;

namespace Deconflict.Hub;

/// <summary>
/// Builds and runs the hub; used by <c>deconflict serve</c> and by the Hub's own entry point (tests host it
/// through <c>WebApplicationFactory&lt;Program&gt;</c>). Settings come from configuration: <c>Hub:*</c>
/// (see <see cref="HubOptions"/>) and <c>urls</c>.
/// </summary>
public static class HubApplication
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Scalar offers "Generate SDK" (its online service) on every page served from localhost, with no option to turn it off.</summary>
    private const string OfflineDocsCss = ".generate-sdk-button, .selected-client-action { display: none !important; }";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        // A start that fails (a refused setting, a port in use) is reported once by the caller, without the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }
        builder.AddHubServices();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BearerKeyMiddleware>();
        // After the key check, so a request without a valid key costs the database nothing more.
        if (app.Services.GetRequiredService<Cluster.IHubCluster>() is Cluster.OrleansHub)
        {
            app.UseMiddleware<Cluster.RequestsFollowTheCluster>();
        }
        app.UseMiddleware<Exports.ExportNegotiation>();
        app.MapOpenApi("/openapi/{documentName}.json");
        // The docs work offline like the rest of the hub: Scalar's script is served from the package, the system's
        // fonts replace its CDN fonts, and what needs Scalar's online services (AI agent, MCP, telemetry, the
        // developer toolbar with deploy and SDK generation, the hosted API client) is switched off.
        app.MapScalarApiReference("/docs", o => o.WithTitle("Deconflict hub").WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts().DisableAgent().DisableMcp().DisableTelemetry().HideDeveloperTools().HideClientButton()
            .WithCustomCss(OfflineDocsCss));
        app.MapHubApis();
        app.MapConsole();
        return app;
    }
}
