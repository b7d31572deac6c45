using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Deconflict.Hub.Errors;

/// <summary>
/// Last line of defence: a client's mistake that escaped an endpoint's own checks (a bad request body or
/// header rejected by the framework) becomes a 4xx problem; a database that does not answer a 503; anything else a
/// 500 problem without details.
/// </summary>
public sealed partial class HubExceptionHandler(IProblemDetailsService problems, ILogger<HubExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The body is too large." : "The request could not be read."),
            JsonException => (StatusCodes.Status400BadRequest, "Bad request", "The JSON body is malformed."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request", ""),
            _ when Storage.StoreUnavailable.Is(exception) => (StatusCodes.Status503ServiceUnavailable, "Service unavailable",
                "The database does not answer; nothing was changed. Retry later."),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "The hub could not complete the request."),
        };
        if (status >= 500)
        {
            LogUnhandled(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }
        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "2";
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);
}
