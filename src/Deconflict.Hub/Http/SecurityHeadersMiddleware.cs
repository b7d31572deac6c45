using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Deconflict.Hub.Http;

/// <summary>
/// Headers every reply needs whatever produced it (endpoint, error handler, status page): <c>nosniff</c> on all,
/// <c>Cache-Control: no-store</c> on the API (replies are per caller and must not be kept by a shared cache or
/// the browser), and on the API reference at <c>/docs</c> a Content-Security-Policy that allows only the hub's own
/// scripts, styles, fonts and the OpenAPI document; its one inline start-up script is allowed by its hash.
/// </summary>
public sealed partial class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string DocsPolicy =
        "default-src 'none'; script-src 'self'{0}; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        var api = path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (api)
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        if (!path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        // The reference page is small: hold it to hash its inline scripts into the policy before it is sent.
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }
        var hashes = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
            ? InlineScriptHashes(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length))
            : "";
        context.Response.Headers.ContentSecurityPolicy = string.Format(CultureInfo.InvariantCulture, DocsPolicy, hashes.Length == 0 ? "" : " " + hashes);
        if (context.Response.Headers.ContentLength is not null)
        {
            context.Response.Headers.ContentLength = buffer.Length;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>'sha256-…' sources for every inline script of a page (scripts with a src are covered by 'self').</summary>
    public static string InlineScriptHashes(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match m in InlineScript().Matches(html))
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups["body"].Value));
            sources.Add($"'sha256-{Convert.ToBase64String(hash)}'");
        }
        return string.Join(' ', sources);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc\s*=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineScript();
}
