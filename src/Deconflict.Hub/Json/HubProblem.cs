using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Json;

/// <summary>
/// An error reply of the hub (<c>application/problem+json</c>), as a type of its own so handlers can name it in
/// <c>Results&lt;...&gt;</c> beside their typed successes. The statuses an endpoint answers with it are declared
/// where the endpoint is mapped (<see cref="OpenApi.ProblemStatuses"/>) and checked against every reply in tests.
/// </summary>
public sealed class HubProblem : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, INestedHttpResult
{
    internal HubProblem(IResult inner, int status)
    {
        Result = inner;
        StatusCode = status;
    }

    /// <summary>The underlying <see cref="ProblemHttpResult"/> or <see cref="ValidationProblem"/>.</summary>
    public IResult Result { get; }

    public int? StatusCode { get; }

    public string ContentType => "application/problem+json";

    public Task ExecuteAsync(HttpContext httpContext) => Result.ExecuteAsync(httpContext);
}
