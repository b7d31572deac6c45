using System.Globalization;
using Deconflict.Core.Surveillance;
using Deconflict.Hub.Access;
using Deconflict.Hub.Conflicts;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Tracks;

/// <summary>
/// Writes the live conflicts (kind <c>tactical</c>: predicted losses of separation; kind <c>conformance</c>:
/// a track outside its declared intent) as conflict records, each change with an event to the parties
/// involved and an audit entry, inside the caller's write transaction.
/// </summary>
public static class LiveConflictSync
{
    public const string TacticalKind = "tactical";
    public const string ConformanceKind = "conformance";

    /// <summary>A new tactical conflict record for a raised alert episode.</summary>
    public static ConflictRecord Open(AlertEpisode e, DateTimeOffset now) => new(
        ConflictChanges.NewId(), TacticalKind, "open", Level(e.Level),
        [e.Party1 ?? "", e.Party2 ?? ""], Tracks(e), ObjectRef.KeyOf(TacticalKind, Tracks(e)), now, now, null, Detail(e, null));

    /// <summary>The two aircraft an episode is about, whichever order a detector found them in.</summary>
    public static string Pair(AlertEpisode e) => Pair(Tracks(e));

    /// <summary>The two aircraft a tactical conflict record is about, whichever order it names them in.</summary>
    public static string Pair(IReadOnlyList<ObjectRef> tracks) => ObjectRef.KeyOf(TacticalKind, [.. tracks.Order(Comparer<ObjectRef>.Create(ObjectRef.Compare))]);

    private static ObjectRef[] Tracks(AlertEpisode e) =>
        [new(ObjectRef.Track, e.Party1 ?? "", e.Id1), new(ObjectRef.Track, e.Party2 ?? "", e.Id2)];

    /// <summary>The record with the episode's latest state and the aircraft's latest guidance bands (null: not computed yet).</summary>
    public static ConflictRecord Update(ConflictRecord open, AlertEpisode e, DateTimeOffset now, IReadOnlyList<AircraftBands>? bands) =>
        open with { Level = Level(e.Level), DetailJson = Detail(e, bands), UpdatedAt = now };

    /// <summary>A conformance conflict: the track's party and the parties whose intents the track now threatens.</summary>
    public static ConflictRecord Nonconforming(ConformanceChange c, IReadOnlyList<(string IntentId, string Party)> threatened, DateTimeOffset now)
    {
        var parties = new List<string> { c.Party ?? "" };
        parties.AddRange(threatened.Select(t => t.Party).Where(p => !parties.Contains(p)));
        var objects = new List<ObjectRef> { new(ObjectRef.Track, c.Party ?? "", c.TrackId), new(ObjectRef.Intent, c.Party ?? "", c.IntentId) };
        objects.AddRange(threatened.Select(t => new ObjectRef(ObjectRef.Intent, t.Party, t.IntentId)));
        var detail = HubJson.Serialize(new
        {
            track_id = c.TrackId,
            intent_id = c.IntentId,
            at = Time(c.TimeS),
            lat_deg = c.LatDeg,
            lon_deg = c.LonDeg,
            alt_ft = c.AltFt,
            distance_outside_m = Math.Round(c.DistanceOutsideM, 1),
            threatened_intents = threatened.Select(t => t.IntentId).ToArray(),
        });
        return new ConflictRecord(ConflictChanges.NewId(), ConformanceKind, "open", "nonconforming",
            parties, objects, ObjectRef.KeyOf(ConformanceKind, objects[0], objects[1]), now, now, null, detail);
    }

    public static string Level(AlertLevel level) => level == AlertLevel.Warning ? "warning" : "caution";

    private static string Detail(AlertEpisode e, IReadOnlyList<AircraftBands>? bands) => HubJson.Serialize(new
    {
        los_start = Time(e.LosStartS),
        los_end = Time(e.LosEndS),
        cpa_at = Time(e.CpaS),
        h_cpa_nm = Math.Round(e.HCpaNm, 3),
        v_cpa_ft = Math.Round(e.VCpaFt, 0),
        max_level = Level(e.MaxLevel),
        los_lat_deg = double.IsNaN(e.LosLatDeg) ? (double?)null : Math.Round(e.LosLatDeg, 6),
        los_lon_deg = double.IsNaN(e.LosLonDeg) ? (double?)null : Math.Round(e.LosLonDeg, 6),
        do365_level = e.Do365Classified ? Do365Name(e.Do365Level) : null,
        max_do365_level = e.Do365Classified ? Do365Name(e.MaxDo365Level) : null,
        bands,
    });

    /// <summary>The DO-365B alert level's name.</summary>
    public static string Do365Name(int level) => level switch { 3 => "warning", 2 => "corrective", 1 => "preventive", _ => "none" };

    private static string Time(double s) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(s * 1000)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
