using System.ComponentModel;
using System.Text.Json;

namespace Deconflict.Hub.Intents;

/// <summary>
/// The schema of an intent as GeoJSON (STRATEGIC.md), for the OpenAPI document: the body of a PUT or check and the
/// reply of a GET. The hub reads and writes it with the strategic reader in Core, not through this record.
/// </summary>
[Description("A GeoJSON FeatureCollection: one Feature per 4D volume.")]
public sealed record IntentDocument(
    [property: Description("\"FeatureCollection\".")] string Type,
    IReadOnlyList<IntentVolumeFeature> Features,
    [property: Description("Accepted (default), Activated, Nonconforming, Contingent or Ended; applies to every volume.")] string? State = null,
    [property: Description("Default 0; a blocking conflict is one with another party's intent of equal or higher priority.")] int? Priority = null,
    double[]? Bbox = null);

/// <summary>One volume: a shape, its altitude band and time window.</summary>
public sealed record IntentVolumeFeature(
    [property: Description("\"Feature\".")] string Type,
    IntentGeometry Geometry,
    IntentVolumeProperties Properties,
    string? Id = null,
    double[]? Bbox = null);

/// <summary>A GeoJSON geometry: Point (circle with radius_m), Polygon, LineString (corridor with half_width_m).</summary>
public sealed record IntentGeometry(
    [property: Description("Point, Polygon or LineString.")] string Type,
    [property: Description("GeoJSON coordinates [lon, lat] in degrees (WGS-84).")] JsonElement Coordinates);

/// <summary>The members of a volume's properties.</summary>
public sealed record IntentVolumeProperties(
    double AltLowerFt,
    double AltUpperFt,
    DateTimeOffset TimeStart,
    DateTimeOffset TimeEnd,
    [property: Description("Circle radius (Point geometry), metres.")] double? RadiusM = null,
    [property: Description("Corridor half width (LineString geometry), metres.")] double? HalfWidthM = null,
    [property: Description("Taken from the path when absent.")] string? IntentId = null,
    [property: Description("Taken from the caller when absent; another party's is 403.")] string? Party = null,
    string? State = null,
    int? Priority = null,
    string? Name = null);

/// <summary>The 409 of a refused PUT: the blocking conflicts, each other intent named as far as its owner shares.</summary>
public sealed record IntentBlockedProblem(
    string Title,
    int Status,
    string Detail,
    IReadOnlyList<ConflictRef> Conflicts,
    IReadOnlyDictionary<string, string[]> Errors,
    [property: System.ComponentModel.Description("The nearest conflict-free variants; accept one with POST /api/v1/intents/{id}/alternatives/accept.")]
    IReadOnlyList<IntentAlternativeView>? Alternatives = null);
