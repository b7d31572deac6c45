using Deconflict.Core.Tactical.Bands;

namespace Deconflict.Hub.Tracks;

/// <summary>
/// The guidance bands of one aircraft of a tactical alert as a conflict's detail carries them (<c>detail.bands[]</c>):
/// its owner and id, the intent it flies, when they were computed, its current values and the rows of each kind
/// (<c>alt_ft</c>, <c>gs_kt</c>, <c>trk_deg</c>, <c>vs_fpm</c>; the rows of a kind partition its range, as
/// <c>./deconflict bands</c> writes them). Each reader is given only the entries it may learn (<see cref="Conflicts.ConflictViews"/>).
/// </summary>
public sealed record AircraftBands(string Party, string TrackId, string? IntentId, DateTimeOffset ComputedAt, BandValues Own,
    IReadOnlyList<BandRow> AltFt, IReadOnlyList<BandRow> GsKt, IReadOnlyList<BandRow> TrkDeg, IReadOnlyList<BandRow> VsFpm)
{
    public static AircraftBands From(OwnshipBands bands, string party, string trackId, string? intentId, DateTimeOffset computedAt)
    {
        ArgumentNullException.ThrowIfNull(bands);
        IReadOnlyList<BandRow> Rows(BandKind kind) => [.. bands.Of(kind).Select(b => new BandRow(Math.Round(b.Lower, 2), Math.Round(b.Upper, 2), Name(b.Region)))];
        double Own(BandKind kind) => Math.Round(bands.Own[(int)kind], 2);
        return new AircraftBands(party, trackId, intentId, computedAt,
            new BandValues(Own(BandKind.Altitude), Own(BandKind.GroundSpeed), Own(BandKind.Track), Own(BandKind.VerticalSpeed)),
            Rows(BandKind.Altitude), Rows(BandKind.GroundSpeed), Rows(BandKind.Track), Rows(BandKind.VerticalSpeed));
    }

    /// <summary>The bands back as Core's <see cref="OwnshipBands"/>, for the proposal rule.</summary>
    public OwnshipBands ToOwnshipBands()
    {
        var rows = new List<GuidanceBand>();
        foreach (var (kind, list) in new[] { (BandKind.Altitude, AltFt), (BandKind.GroundSpeed, GsKt), (BandKind.Track, TrkDeg), (BandKind.VerticalSpeed, VsFpm) })
        {
            rows.AddRange(list.Select(r => new GuidanceBand(kind, r.Lower, r.Upper, Region(r.Region))));
        }
        return new OwnshipBands(0, rows, [Own.AltFt, Own.GsKt, Own.TrkDeg, Own.VsFpm]);
    }

    /// <summary>The DAIDALUS region names the bands CSV writes.</summary>
    public static string Name(BandRegion region) => region switch
    {
        BandRegion.None => "NONE",
        BandRegion.Near => "NEAR",
        _ => "RECOVERY",
    };

    private static BandRegion Region(string name) => name switch
    {
        "NONE" => BandRegion.None,
        "NEAR" => BandRegion.Near,
        _ => BandRegion.Recovery,
    };
}
