using System.Text.Json;

namespace Deconflict.Hub.Intents;

/// <summary>
/// Rejects members the intent format does not define (a misspelt <c>alt_lower_fT</c> must not be silently
/// ignored), before the strategic reader validates values and geometry.
/// </summary>
public static class IntentBodyCheck
{
    private static readonly HashSet<string> Top = ["type", "features", "state", "priority", "bbox"];
    private static readonly HashSet<string> Feature = ["type", "geometry", "properties", "id", "bbox"];
    private static readonly HashSet<string> Properties =
        ["intent_id", "party", "state", "priority", "alt_lower_ft", "alt_upper_ft", "time_start", "time_end", "radius_m", "half_width_m", "name"];

    /// <summary>The path of the first unknown member, or null.</summary>
    public static string? FirstUnknownMember(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var p in root.EnumerateObject())
        {
            if (!Top.Contains(p.Name))
            {
                return p.Name;
            }
        }
        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var i = 0;
        foreach (var f in features.EnumerateArray())
        {
            if (f.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in f.EnumerateObject())
                {
                    if (!Feature.Contains(p.Name))
                    {
                        return $"features[{i}].{p.Name}";
                    }
                }
                if (f.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in props.EnumerateObject())
                    {
                        if (!Properties.Contains(p.Name))
                        {
                            return $"features[{i}].properties.{p.Name}";
                        }
                    }
                }
            }
            i++;
        }
        return null;
    }
}
