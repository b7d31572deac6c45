using System.Text.Json;
using Deconflict.Core.Formats.Kml;
using Deconflict.Core.Strategic;
using Deconflict.Hub.Json;

namespace Deconflict.Hub.Intents;

/// <summary>
/// Reads an intent body (GeoJSON, STRATEGIC.md) for the id in the path and the calling party, the same way for a
/// PUT and for a check: unknown members, format errors and a foreign <c>party</c> become problems naming the field.
/// A body sent as <c>application/vnd.google-earth.kml+xml</c> is read as KML (<see cref="IntentKml.ReadIntent"/>): the
/// same shape rules, with problems naming the KML element and its line.
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
        return body.Problem is not null ? BodyRead<OperationalIntent>.Fail(body.Problem) : Read(body.Value!, request.ContentType, id, party);
    }

    /// <summary>An intent body already read as text (<paramref name="contentType"/> says whether it is KML).</summary>
    public static BodyRead<OperationalIntent> Read(string text, string? contentType, string id, string party)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!ObjectIds.IsValid(id))
        {
            return BodyRead<OperationalIntent>.Fail(Problems.Validation("id", "An intent id of 1 to 200 printable characters is required."));
        }
        if (IsKml(contentType))
        {
            return ReadKml(text, id, party);
        }
        var json = text;
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

    private static bool IsKml(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals(KmlWriter.MediaType, StringComparison.OrdinalIgnoreCase);

    private static BodyRead<OperationalIntent> ReadKml(string kml, string id, string party)
    {
        try
        {
            return BodyRead<OperationalIntent>.Ok(IntentKml.ReadIntent(kml, id, party));
        }
        catch (KmlFormatException e)
        {
            if (e.Element.EndsWith(".party", StringComparison.Ordinal))
            {
                return BodyRead<OperationalIntent>.Fail(Problems.Forbidden($"An intent may only be declared for the caller's own party ({e.Describe()})."));
            }
            return BodyRead<OperationalIntent>.Fail(Problems.Validation(e.Element, e.Line > 0 ? $"line {e.Line}: {e.Message}" : e.Message));
        }
    }
}
