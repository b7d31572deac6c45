using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Json;

/// <summary>The hub's error replies, all <c>application/problem+json</c> with <c>errors</c> naming the field at fault.</summary>
public static class Problems
{
    public static HubProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static HubProblem Validation(IDictionary<string, string[]> errors) => new(ValidationResult(errors), StatusCodes.Status400BadRequest);

    /// <summary>The 400 of <see cref="Validation(IDictionary{string, string[]})"/> as its typed result, for handlers that declare it so.</summary>
    public static ValidationProblem ValidationResult(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: DescribeErrors(errors), title: "The request is invalid.");

    public static HubProblem BadRequest(string detail) =>
        Of(TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request"));

    public static HubProblem TooLarge(long limit) =>
        Of(TypedResults.Problem(
            detail: $"The body is larger than the limit of {limit} bytes.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["body"] = [$"At most {limit} bytes."] } }));

    public static HubProblem NotFound(string what) =>
        Of(TypedResults.Problem(detail: $"{what} was not found.", statusCode: StatusCodes.Status404NotFound, title: "Not found"));

    /// <summary>A 404 that names the field whose value matched nothing.</summary>
    public static HubProblem NotFound(string detail, string field) =>
        Of(TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } }));

    public static HubProblem Forbidden(string detail) =>
        Of(TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"));

    public static HubProblem Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        Of(TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict", extensions: extensions));

    public static HubProblem PreconditionFailed(string detail) =>
        Of(TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "Precondition failed",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["If-Match"] = [detail] } }));

    public static HubProblem PreconditionRequired(string detail) =>
        Of(TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status428PreconditionRequired,
            title: "Precondition required",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["If-Match"] = [detail] } }));

    public static HubProblem TooManyRequests(string detail, TimeSpan retryAfter, string field) =>
        Of(TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            extensions: new Dictionary<string, object?>
            {
                ["retry_after_s"] = (long)Math.Ceiling(retryAfter.TotalSeconds),
                ["errors"] = new Dictionary<string, string[]> { [field] = [detail] },
            }));

    public static HubProblem Unavailable(string detail) =>
        Of(TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready"));

    public static HubProblem Unauthorized(string detail) =>
        Of(TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized"));

    private static HubProblem Of(ProblemHttpResult problem) => new(problem, problem.StatusCode);

    private static string DescribeErrors(IDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}
