namespace Deconflict.Hub.Storage;

/// <summary>The stored form of an operational intent: its GeoJSON plus the columns that queries filter on.</summary>
public sealed record IntentRecord(
    string Id,
    string Party,
    string State,
    int Priority,
    long Version,
    string GeoJson,
    double MinLon,
    double MinLat,
    double MaxLon,
    double MaxLat,
    DateTimeOffset TimeStart,
    DateTimeOffset TimeEnd,
    DateTimeOffset UpdatedAt);
