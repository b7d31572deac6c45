using System.Text;
using System.Text.Json;

namespace Deconflict.Core.Strategic;

/// <summary>
/// Reads and writes operational intents as GeoJSON FeatureCollections (../shared/reference/STRATEGIC.md):
/// one Feature per volume, intent members repeated in every Feature's properties. Every problem is reported
/// as an <see cref="IntentFormatException"/> naming the feature and property at fault.
/// </summary>
public static class IntentGeoJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>
    /// Reads a collection of intents; Features with the same <c>intent_id</c> are volumes of one intent and must
    /// agree on party, state and priority. Intents come out in order of first appearance, with version 0.
    /// </summary>
    public static IReadOnlyList<OperationalIntent> ReadCollection(string json) => ReadAll(json, trusted: false);

    /// <summary>
    /// Reads a collection the hub wrote itself after checking it (a stored row): the same format, without
    /// re-checking the shapes (simplicity, extent, vertex count), so loading never repeats that work.
    /// </summary>
    public static IReadOnlyList<OperationalIntent> ReadStored(string json) => ReadAll(json, trusted: true);

    private static IReadOnlyList<OperationalIntent> ReadAll(string json, bool trusted)
    {
        using var document = Parse(json);
        var features = Features(document.RootElement);
        var order = new List<string>();
        var byId = new Dictionary<string, (IntentFeature First, List<Volume4D> Volumes)>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in features.EnumerateArray())
        {
            var feature = IntentFeature.Read(element, index, trusted);
            var id = feature.IntentId ?? throw IntentFeature.Fail(index, "intent_id", "missing");
            _ = feature.Party ?? throw IntentFeature.Fail(index, "party", "missing");
            _ = feature.State ?? throw IntentFeature.Fail(index, "state", "missing");
            _ = feature.Priority ?? throw IntentFeature.Fail(index, "priority", "missing");
            if (byId.TryGetValue(id, out var existing))
            {
                var first = existing.First;
                if (first.Party != feature.Party)
                {
                    throw IntentFeature.Fail(index, "party", $"'{feature.Party}' differs from '{first.Party}' given earlier for intent '{id}'");
                }
                if (first.State != feature.State)
                {
                    throw IntentFeature.Fail(index, "state", $"{feature.State} differs from {first.State} given earlier for intent '{id}'");
                }
                if (first.Priority != feature.Priority)
                {
                    throw IntentFeature.Fail(index, "priority", $"{feature.Priority} differs from {first.Priority} given earlier for intent '{id}'");
                }
                existing.Volumes.Add(feature.Volume);
            }
            else
            {
                byId[id] = (feature, [feature.Volume]);
                order.Add(id);
            }
            index++;
        }
        return [.. order.Select(id =>
        {
            var (first, volumes) = byId[id];
            return new OperationalIntent(id, first.Party!, first.State!.Value, first.Priority!.Value, 0, volumes);
        })];
    }

    /// <summary>
    /// Reads the body of <c>PUT /api/v1/intents/{id}</c>: a FeatureCollection whose Features may omit
    /// <c>intent_id</c> and <c>party</c> (taken from the path and the caller) and whose optional top-level
    /// <c>"state"</c> (default Accepted) and <c>"priority"</c> (default 0) apply to every volume. A Feature that
    /// names a different intent, party, state or priority is rejected; a different party has
    /// <see cref="IntentFormatException.Property"/> "party" so the hub can answer 403.
    /// </summary>
    public static OperationalIntent ReadIntent(string json, string intentId, string party)
    {
        using var document = Parse(json);
        var root = document.RootElement;
        var features = Features(root);
        var state = root.TryGetProperty("state", out var s) && s.ValueKind != JsonValueKind.Null
            ? IntentFeature.ParseState(s, -1, "state") : IntentState.Accepted;
        var priority = root.TryGetProperty("priority", out var p) && p.ValueKind != JsonValueKind.Null
            ? IntentFeature.ParsePriority(p, -1, "priority") : 0;
        var volumes = new List<Volume4D>();
        var index = 0;
        var stateFromFeatures = !root.TryGetProperty("state", out _);
        var priorityFromFeatures = !root.TryGetProperty("priority", out _);
        foreach (var element in features.EnumerateArray())
        {
            var feature = IntentFeature.Read(element, index);
            if (feature.IntentId is { } id && id != intentId)
            {
                throw IntentFeature.Fail(index, "intent_id", $"'{id}' differs from the intent '{intentId}' being written");
            }
            if (feature.Party is { } featureParty && featureParty != party)
            {
                throw IntentFeature.Fail(index, "party", $"'{featureParty}' is not the caller's party '{party}'");
            }
            // Without a top-level member, the first feature's value applies to all; otherwise features must agree with it.
            if (feature.State is { } fs)
            {
                if (stateFromFeatures && index == 0)
                {
                    state = fs;
                }
                else if (fs != state)
                {
                    throw IntentFeature.Fail(index, "state", $"{fs} differs from the intent's state {state}");
                }
            }
            if (feature.Priority is { } fp)
            {
                if (priorityFromFeatures && index == 0)
                {
                    priority = fp;
                }
                else if (fp != priority)
                {
                    throw IntentFeature.Fail(index, "priority", $"{fp} differs from the intent's priority {priority}");
                }
            }
            volumes.Add(feature.Volume);
            index++;
        }
        return volumes.Count == 0
            ? throw new IntentFormatException(-1, "features", "an intent needs at least one volume (feature)")
            : new OperationalIntent(intentId, party, state, priority, 0, volumes);
    }

    /// <summary>Writes one intent as a FeatureCollection that <see cref="ReadCollection"/> reads back unchanged.</summary>
    public static string Write(OperationalIntent intent) => Write([intent]);

    /// <summary>Writes intents as one FeatureCollection, one Feature per volume.</summary>
    public static string Write(IEnumerable<OperationalIntent> intents)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteTo(writer, intents);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Streams intents as one FeatureCollection to <paramref name="writer"/>.</summary>
    public static void WriteTo(Utf8JsonWriter writer, IEnumerable<OperationalIntent> intents)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(intents);
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
        foreach (var intent in intents)
        {
            foreach (var volume in intent.Volumes)
            {
                IntentFeatureWriter.Write(writer, intent, volume);
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static JsonDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new IntentFormatException(-1, "", $"not valid JSON: {e.Message}");
        }
    }

    private static JsonElement Features(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new IntentFormatException(-1, "type", "the document must be a GeoJSON FeatureCollection object");
        }
        if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "FeatureCollection")
        {
            throw new IntentFormatException(-1, "type", "must be \"FeatureCollection\"");
        }
        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new IntentFormatException(-1, "features", "missing or not an array");
        }
        return features;
    }
}
