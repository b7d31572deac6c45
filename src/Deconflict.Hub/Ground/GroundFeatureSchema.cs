using System.ComponentModel;
using System.Text.Json;
using Deconflict.Hub.Intents;

namespace Deconflict.Hub.Ground;

/// <summary>
/// The schema of a site, movement or zone as GeoJSON, for the OpenAPI document: the body of a PUT and the reply of a
/// GET (which adds version, notified parties and acknowledgements). Read and written by Core's <c>GroundGeoJson</c>
/// and <see cref="GroundViews"/>, not through this record.
/// </summary>
[Description("A GeoJSON Feature: a site (Point with radius_m, or Polygon), a movement (LineString with half_width_m) or a zone (Polygon).")]
public sealed record GroundFeatureSchema(
    [property: Description("\"Feature\".")] string Type,
    IntentGeometry Geometry,
    GroundPropertiesSchema Properties,
    string? Id = null,
    double[]? Bbox = null);

/// <summary>The members of a ground object's properties (which apply depends on the kind).</summary>
public sealed record GroundPropertiesSchema(
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidTo,
    [property: Description("Sites: the site category; movements: convoy and others.")] string? Category = null,
    string? Name = null,
    string? Organisation = null,
    string? Notes = null,
    [property: Description("Sites given as a Point: protection radius, metres.")] double? RadiusM = null,
    [property: Description("Movements: half width of the route, metres.")] double? HalfWidthM = null,
    [property: Description("Taken from the caller when absent; another party's is 403.")] string? Party = null,
    string? SiteId = null,
    string? MovementId = null,
    string? ZoneId = null,
    [property: Description("Replies only: the stored version.")] long? Version = null,
    [property: Description("Replies only.")] DateTimeOffset? UpdatedAt = null,
    [property: Description("Replies to the owner of a site: the parties notified.")] IReadOnlyList<string>? NotifiedParties = null,
    [property: Description("Replies for sites: who acknowledged which version.")] JsonElement? Acknowledgements = null,
    bool? Acknowledged = null,
    bool? PendingAcknowledgement = null);

/// <summary>A GeoJSON FeatureCollection of ground objects.</summary>
public sealed record GroundCollectionSchema(
    [property: Description("\"FeatureCollection\".")] string Type,
    IReadOnlyList<GroundFeatureSchema> Features);
