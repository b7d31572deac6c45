using System.Globalization;

namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// Writes guidance bands as <c>ownship,kind,lower,upper,region</c>: rows sorted by ownship id (ordinal), kind
/// (<c>alt_ft</c>, <c>gs_kt</c>, <c>trk_deg</c>, <c>vs_fpm</c>) and lower bound, bounds with 4 decimals, region
/// names as DAIDALUS's <c>BandsRegion</c> (<c>NONE</c>, <c>NEAR</c>, <c>RECOVERY</c>).
/// </summary>
public static class BandsCsv
{
    public const string Header = "ownship,kind,lower,upper,region";

    public static void Write(TextWriter writer, TrafficSnapshot snapshot, IEnumerable<OwnshipBands> results)
    {
        writer.Write(Header);
        writer.Write('\n');
        foreach (var result in results.OrderBy(r => snapshot.Ids[r.Ownship], StringComparer.Ordinal))
        {
            var id = snapshot.Ids[result.Ownship];
            foreach (var band in result.Bands.OrderBy(b => b.Kind).ThenBy(b => b.Lower))
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{id},{band.Kind.CsvName()},{band.Lower:F4},{band.Upper:F4},{RegionName(band.Region)}\n"));
            }
        }
    }

    public static string RegionName(BandRegion region) => region switch
    {
        BandRegion.None => "NONE",
        BandRegion.Near => "NEAR",
        _ => "RECOVERY",
    };
}
