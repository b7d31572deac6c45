namespace Deconflict.Hub.Json;

/// <summary>
/// Ids a party chooses for its own objects (intents, sites, movements, zones, strikes): 1 to 200 characters,
/// none of them a control character, so that every id prints safely in logs, exports and the console.
/// </summary>
public static class ObjectIds
{
    public const int MaxLength = 200;

    public static bool IsValid(string id) => id is { Length: > 0 and <= MaxLength } && !id.Any(char.IsControl);
}
