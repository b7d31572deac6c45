using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Dss;

/// <summary>A DSS reply: status and F3548 body; errors are <c>ErrorResponse</c> (<c>{"message": ...}</c>) as utm.yaml defines.</summary>
public sealed record DssReply(int Status, JsonObject Body)
{
    public static DssReply Ok(JsonObject body) => new(StatusCodes.Status200OK, body);

    public static DssReply Created(JsonObject body) => new(StatusCodes.Status201Created, body);

    public static DssReply Error(int status, string message) => new(status, new JsonObject { ["message"] = message });

    public static DssReply BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message);

    public static DssReply NotFound(string message) => Error(StatusCodes.Status404NotFound, message);

    public static DssReply Forbidden(string message) => Error(StatusCodes.Status403Forbidden, message);

    public static DssReply Conflict(string message) => Error(StatusCodes.Status409Conflict, message);

    /// <summary>409 <c>AirspaceConflictResponse</c>: the references whose OVNs the key misses.</summary>
    public static DssReply AirspaceConflict(string message, IEnumerable<JsonObject> missingOperationalIntents, IEnumerable<JsonObject> missingConstraints) =>
        new(StatusCodes.Status409Conflict, new JsonObject
        {
            ["message"] = message,
            ["missing_operational_intents"] = DssViews.Array(missingOperationalIntents),
            ["missing_constraints"] = DssViews.Array(missingConstraints),
        });

    public JsonHttpResult<JsonObject> ToResult() => TypedResults.Json(Body, DssWire.Options, "application/json", Status);
}
