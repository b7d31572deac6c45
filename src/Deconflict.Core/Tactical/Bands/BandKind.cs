namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// The quantity a guidance band ranges over, in the order bands are written
/// (<c>alt_ft</c>, <c>gs_kt</c>, <c>trk_deg</c>, <c>vs_fpm</c>).
/// </summary>
public enum BandKind
{
    /// <summary>Altitude to level off at, feet.</summary>
    Altitude,

    /// <summary>Ground speed, knots.</summary>
    GroundSpeed,

    /// <summary>True track over ground, degrees clockwise from north; the range is a circle.</summary>
    Track,

    /// <summary>Vertical speed, feet per minute, positive up.</summary>
    VerticalSpeed,
}

/// <summary>Names and units of <see cref="BandKind"/> as the bands CSV writes them.</summary>
public static class BandKinds
{
    /// <summary>Every kind, in output order.</summary>
    public static IReadOnlyList<BandKind> All { get; } = [BandKind.Altitude, BandKind.GroundSpeed, BandKind.Track, BandKind.VerticalSpeed];

    /// <summary>The CSV name of a kind (<c>alt_ft</c>, <c>gs_kt</c>, <c>trk_deg</c>, <c>vs_fpm</c>).</summary>
    public static string CsvName(this BandKind kind) => kind switch
    {
        BandKind.Altitude => "alt_ft",
        BandKind.GroundSpeed => "gs_kt",
        BandKind.Track => "trk_deg",
        BandKind.VerticalSpeed => "vs_fpm",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
