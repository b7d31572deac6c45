namespace Deconflict.Core.Surveillance;

/// <summary>
/// Plausibility limits shared by every report source (CSV, JSON, SBS), so that a value a feed
/// could never legitimately carry is rejected at the edge instead of reaching the detector.
/// </summary>
public static class ReportValidation
{
    public const double MinAltFt = -2_000;
    public const double MaxAltFt = 150_000;
    public const double MaxGsKt = 4_000;
    public const double MaxAbsVsFpm = 60_000;
    public const int MaxIdLength = 64;

    /// <summary>Returns the reason a value is out of range, or null when it is acceptable (NaN = absent is acceptable).</summary>
    public static string? Check(string field, double value) => field switch
    {
        "t_s" or "t" => double.IsFinite(value) && value >= 0 ? null : "must be a time at or after 1970-01-01",
        "lat_deg" => double.IsFinite(value) && value is >= -90 and <= 90 ? null : "must be a latitude in [-90, 90]",
        "lon_deg" => double.IsFinite(value) && value is >= -180 and <= 180 ? null : "must be a longitude in [-180, 180]",
        "alt_ft" => double.IsNaN(value) || value is >= MinAltFt and <= MaxAltFt ? null : $"must be an altitude in [{MinAltFt}, {MaxAltFt}] ft",
        "gs_kt" => double.IsNaN(value) || value is >= 0 and <= MaxGsKt ? null : $"must be a ground speed in [0, {MaxGsKt}] kt",
        "trk_deg" => double.IsNaN(value) || value is >= 0 and <= 360 ? null : "must be a track in [0, 360] degrees",
        "vs_fpm" => double.IsNaN(value) || Math.Abs(value) <= MaxAbsVsFpm ? null : $"must be a vertical rate within ±{MaxAbsVsFpm} ft/min",
        _ => null,
    };

    /// <summary>Returns the reason an identity is unusable, or null.</summary>
    public static string? CheckId(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty || id.IsWhiteSpace())
        {
            return "is required";
        }
        if (id.Length > MaxIdLength)
        {
            return $"must be at most {MaxIdLength} characters";
        }
        foreach (var c in id)
        {
            if (c <= ' ' || c == ',' || c > '~')
            {
                return "must be printable ASCII without spaces or commas";
            }
        }
        return null;
    }
}
