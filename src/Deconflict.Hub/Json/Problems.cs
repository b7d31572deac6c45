namespace Deconflict.Hub.Json;

/// <summary>The hub's error replies, all <c>application/problem+json</c> with <c>errors</c> naming the field at fault.</summary>
public static class Problems
{
    public static IResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: DescribeErrors(errors), title: "The request is invalid.");

    public static IResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static IResult TooLarge(long limit) =>
        TypedResults.Problem(
            detail: $"The body is larger than the limit of {limit} bytes.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["body"] = [$"At most {limit} bytes."] } });

    public static IResult NotFound(string what) =>
        TypedResults.Problem(detail: $"{what} was not found.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static IResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict", extensions: extensions);

    public static IResult PreconditionFailed(string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "Precondition failed",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["If-Match"] = [detail] } });

    public static IResult PreconditionRequired(string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status428PreconditionRequired,
            title: "Precondition required",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["If-Match"] = [detail] } });

    public static IResult TooManyRequests(string detail, TimeSpan retryAfter, string field) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            extensions: new Dictionary<string, object?>
            {
                ["retry_after_s"] = (long)Math.Ceiling(retryAfter.TotalSeconds),
                ["errors"] = new Dictionary<string, string[]> { [field] = [detail] },
            });

    public static IResult Unauthorized(string detail) =>

        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    private static string DescribeErrors(IDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}
