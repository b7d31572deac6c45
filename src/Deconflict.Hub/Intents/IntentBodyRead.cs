using System.Text.Json;
using Deconflict.Core.Strategic;
using Deconflict.Hub.Json;

namespace Deconflict.Hub.Intents;

/// <summary>
/// Reads an intent body (GeoJSON, STRATEGIC.md) for the id in the path and the calling party, the same way for a
/// PUT and for a check: unknown members, format errors and a foreign <c>party</c> become problems naming the field.
/// </summary>
public static class IntentBodyRead
{
    public static async Task<BodyRead<OperationalIntent>> ReadAsync(HttpRequest request, string id, string party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ObjectIds.IsValid(id))
        {
            return BodyRead<OperationalIntent>.Fail(Problems.Validation("id", "An intent id of 1 to 200 printable characters is required."));
        }
        var body = await JsonBody.ReadTextAsync(request, ct).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return BodyRead<OperationalIntent>.Fail(body.Problem);
        }
        var json = body.Value!;
        OperationalIntent candidate;
        try
        {
            candidate = IntentGeoJson.ReadIntent(json, id, party);
            if (IntentBodyCheck.FirstUnknownMember(json) is { } unknown)
            {
                return BodyRead<OperationalIntent>.Fail(Problems.Validation(unknown, "Unknown member."));
            }
        }
        catch (IntentFormatException e)
        {
            if (e.Property == "party" && e.FeatureIndex >= 0)
            {
                return BodyRead<OperationalIntent>.Fail(Problems.Forbidden($"An intent may only be declared for the caller's own party ({e.Message})."));
            }
            var field = e.FeatureIndex >= 0 ? $"features[{e.FeatureIndex}].{e.Property}" : (e.Property.Length > 0 ? e.Property : "body");
            return BodyRead<OperationalIntent>.Fail(Problems.Validation(field, e.Message));
        }
        catch (JsonException)
        {
            return BodyRead<OperationalIntent>.Fail(Problems.Validation("body", "The JSON is malformed."));
        }
        return candidate.Volumes.Count == 0
            ? BodyRead<OperationalIntent>.Fail(Problems.Validation("features", "At least one volume (Feature) is required."))
            : BodyRead<OperationalIntent>.Ok(candidate);
    }
}
