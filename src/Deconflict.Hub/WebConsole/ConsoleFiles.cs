using Microsoft.Extensions.FileProviders;

namespace Deconflict.Hub.WebConsole;

/// <summary>
/// Serves the web console (the built <c>web/dist</c>) at <c>/</c>: hashed assets with long caching, and
/// <c>index.html</c> for every other non-API path so that deep links work. The directory is
/// <c>Hub:ConsoleDirectory</c> when configured, else <c>wwwroot</c> beside the application, else
/// <c>web/dist</c> in the repository the hub runs from. API paths never fall back to the page.
/// </summary>
public static partial class ConsoleFiles
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; worker-src 'self' blob:; connect-src 'self'; img-src 'self' data: blob:; " +
        "style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static WebApplication MapConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = Locate(app.Configuration["Hub:ConsoleDirectory"]);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleFiles));
        if (root is null)
        {
            LogNotBuilt(logger);
            app.MapGet("/", () => Results.Text(
                "The web console is not built. Build it with: cd web && npm ci && npm run build (./deconflict does this itself).\n",
                "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable)).ExcludeFromDescription();
            return app;
        }
        LogServing(logger, root);
        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal))
                {
                    headers.CacheControl = "public, max-age=31536000, immutable";
                }
                else
                {
                    SetPageHeaders(headers);
                }
            },
        });
        var index = files.GetFileInfo("index.html");
        // Deep links: a GET that matched no endpoint (routing has run), outside /api and not naming a file, gets
        // the page. A middleware rather than a fallback endpoint, so that API paths keep their own 404, 405
        // and 415 answers (a fallback endpoint would win over those).
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (context.GetEndpoint() is null
                && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                && !Path.HasExtension(request.Path.Value))
            {
                SetPageHeaders(context.Response.Headers);
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(index, context.RequestAborted).ConfigureAwait(false);
                return;
            }
            await next(context).ConfigureAwait(false);
        });
        return app;
    }

    /// <summary>The directory holding the built console's <c>index.html</c>, or null when there is none.</summary>
    public static string? Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            return File.Exists(Path.Combine(full, "index.html")) ? full : null;
        }
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (File.Exists(Path.Combine(beside, "index.html")))
        {
            return beside;
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Deconflict.slnx")))
                {
                    var dist = Path.Combine(dir.FullName, "web", "dist");
                    if (File.Exists(Path.Combine(dist, "index.html")))
                    {
                        return dist;
                    }
                    break;
                }
            }
        }
        return null;
    }

    private static void SetPageHeaders(IHeaderDictionary headers)
    {
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Web console served from {Directory}")]
    private static partial void LogServing(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web console not built (no web/dist/index.html): / explains how to build it")]
    private static partial void LogNotBuilt(ILogger logger);
}
