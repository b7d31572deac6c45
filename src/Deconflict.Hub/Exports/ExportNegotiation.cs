using Microsoft.Net.Http.Headers;

namespace Deconflict.Hub.Exports;

/// <summary>
/// <c>Accept</c> negotiation for the lists that have downloads: a GET of <c>/api/v1/conflicts</c>,
/// <c>/api/v1/alerts</c> or <c>/api/v1/intents</c> that prefers <c>application/geo+json</c> or <c>text/csv</c> to JSON
/// is answered by the download endpoint of that format (the same handler as the <c>.geojson</c>/<c>.csv</c> path, so
/// the same visibility). Runs after routing, before the endpoint.
/// </summary>
public sealed class ExportNegotiation(RequestDelegate next, EndpointDataSource endpoints)
{
    private static readonly Dictionary<string, string> Lists = new(StringComparer.Ordinal)
    {
        ["/api/v1/conflicts"] = "DownloadConflicts",
        ["/api/v1/conflicts/"] = "DownloadConflicts",
        ["/api/v1/alerts"] = "DownloadAlerts",
        ["/api/v1/intents"] = "DownloadIntents",
        ["/api/v1/intents/"] = "DownloadIntents",
    };

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (HttpMethods.IsGet(context.Request.Method) && Lists.TryGetValue(context.Request.Path.Value ?? "", out var name)
            && Preferred(context.Request) is { } format
            && endpoints.Endpoints.FirstOrDefault(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == name + format) is { } target)
        {
            context.SetEndpoint(target);
        }
        return next(context);
    }

    /// <summary>"GeoJson" or "Csv" when the client ranks that above JSON, else null.</summary>
    private static string? Preferred(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return null;
        }
        string? best = null;
        var bestQ = 0.0;
        var jsonQ = 0.0;
        foreach (var a in accepted)
        {
            var q = a.Quality ?? 1;
            var type = a.MediaType.Value;
            if (type is "application/json" or "application/*" or "*/*")
            {
                jsonQ = Math.Max(jsonQ, type == "application/json" ? q + 1e-6 : q);
            }
            var format = type switch
            {
                "application/geo+json" => "GeoJson",
                "text/csv" => "Csv",
                _ => null,
            };
            if (format is not null && q > bestQ)
            {
                (best, bestQ) = (format, q);
            }
        }
        return best is not null && bestQ > jsonQ ? best : null;
    }
}
