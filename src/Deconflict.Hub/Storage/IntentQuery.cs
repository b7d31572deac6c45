namespace Deconflict.Hub.Storage;

/// <summary>Filter for listing intents: optional bounding box (degrees) and time window; ended intents excluded.</summary>
public sealed record IntentQuery(double? MinLon, double? MinLat, double? MaxLon, double? MaxLat, DateTimeOffset? From, DateTimeOffset? To);
