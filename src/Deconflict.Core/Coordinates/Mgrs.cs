using System.Globalization;
using System.Text;

namespace Deconflict.Core.Coordinates;

/// <summary>
/// Military Grid Reference System on WGS-84: grid zone (UTM zone + 8° band letter C–X, or UPS A/B/Y/Z), 100 km
/// square (column letters cycling in three sets by zone, row letters offset by 5 in even zones; the "AA" scheme
/// of WGS-84), then easting and northing digits. Digits are truncated, not rounded, as the standard requires: a
/// reference names the square the point lies in. Parsing returns the centre of the referenced square.
/// </summary>
public static class Mgrs
{
    private const string Bands = "CDEFGHJKLMNPQRSTUVWX";
    private const string RowLetters = "ABCDEFGHJKLMNPQRSTUV";
    private static readonly string[] ColumnSets = ["ABCDEFGH", "JKLMNPQR", "STUVWXYZ"];

    // UPS lettering: columns and rows start at these multiples of 100 km from the grid origin.
    private const string UpsNorthColumnsWest = "RSTUXYZ";   // band Y, from 1 300 km
    private const string UpsNorthColumnsEast = "ABCFGHJ";   // band Z, from 2 000 km
    private const string UpsNorthRows = "ABCDEFGHJKLMNP";   // from 1 300 km
    private const string UpsSouthColumnsWest = "JKLPQRSTUXYZ"; // band A, from 800 km
    private const string UpsSouthColumnsEast = "ABCFGHJKLPQR"; // band B, from 2 000 km
    private const string UpsSouthRows = "ABCDEFGHJKLMNPQRSTUVWXYZ"; // from 800 km

    /// <summary>Formats a position; <paramref name="digits"/> per axis 0–5 (5 = 1 m, 4 = 10 m, ... 0 = 100 km).</summary>
    public static string Format(double latDeg, double lonDeg, int digits = 5)
    {
        if (digits is < 0 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(digits), "MGRS precision is 0-5 digits per axis");
        }
        var grid = UtmUps.Forward(latDeg, lonDeg);
        var sb = new StringBuilder(15);
        long e = (long)Math.Floor(grid.EastingM), n = (long)Math.Floor(grid.NorthingM);
        if (grid.IsUps)
        {
            var north = grid.Northern;
            var west = e < 2_000_000;
            var (columns, columnStart) = north ? (west ? (UpsNorthColumnsWest, 13) : (UpsNorthColumnsEast, 20))
                : (west ? (UpsSouthColumnsWest, 8) : (UpsSouthColumnsEast, 20));
            var (rows, rowStart) = north ? (UpsNorthRows, 13) : (UpsSouthRows, 8);
            var column = (int)(e / 100_000) - columnStart;
            var row = (int)(n / 100_000) - rowStart;
            if (column < 0 || column >= columns.Length || row < 0 || row >= rows.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(latDeg), "position is outside the UPS grid");
            }
            sb.Append(north ? (west ? 'Y' : 'Z') : (west ? 'A' : 'B')).Append(columns[column]).Append(rows[row]);
        }
        else
        {
            var band = Bands[Math.Clamp((int)Math.Floor((latDeg + 80) / 8), 0, Bands.Length - 1)];
            var column = ColumnSets[(grid.Zone - 1) % 3][Math.Clamp((int)(e / 100_000) - 1, 0, 7)];
            var row = RowLetters[(int)(((n / 100_000) + (grid.Zone % 2 == 0 ? 5 : 0)) % 20)];
            sb.Append(grid.Zone.ToString("00", CultureInfo.InvariantCulture)).Append(band).Append(column).Append(row);
        }
        if (digits > 0)
        {
            var divisor = (long)Math.Pow(10, 5 - digits);
            var format = new string('0', digits);
            sb.Append(((e % 100_000) / divisor).ToString(format, CultureInfo.InvariantCulture));
            sb.Append(((n % 100_000) / divisor).ToString(format, CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    public static bool TryParse(string? text, out (double LatDeg, double LonDeg) position, out string problem)
    {
        position = default;
        try
        {
            position = Parse(text ?? "");
            problem = "";
            return true;
        }
        catch (FormatException e)
        {
            problem = e.Message;
            return false;
        }
    }

    /// <summary>Parses a reference (spaces and case ignored) to the centre of the square it names.</summary>
    public static (double LatDeg, double LonDeg) Parse(string text)
    {
        var s = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        var i = 0;
        while (i < s.Length && i < 2 && char.IsAsciiDigit(s[i]))
        {
            i++;
        }
        var zone = i == 0 ? 0 : int.Parse(s.AsSpan(0, i), CultureInfo.InvariantCulture);
        if (i > 0 && zone is < 1 or > 60)
        {
            throw new FormatException($"MGRS '{text}': zone {zone} is not 1-60");
        }
        if (s.Length < i + 3)
        {
            throw new FormatException($"MGRS '{text}': expected zone, band and two 100 km square letters");
        }
        char bandLetter = s[i], columnLetter = s[i + 1], rowLetter = s[i + 2];
        var digits = s[(i + 3)..];
        if (digits.Length % 2 != 0 || digits.Length > 10 || !digits.All(char.IsAsciiDigit))
        {
            throw new FormatException($"MGRS '{text}': expected an even number (0-10) of easting/northing digits");
        }
        var half = digits.Length / 2;
        var unit = Math.Pow(10, 5 - half);
        var offsetE = half == 0 ? 0 : long.Parse(digits.AsSpan(0, half), CultureInfo.InvariantCulture) * unit;
        var offsetN = half == 0 ? 0 : long.Parse(digits.AsSpan(half), CultureInfo.InvariantCulture) * unit;
        var centre = unit / 2;
        return zone == 0
            ? ParseUps(text, bandLetter, columnLetter, rowLetter, offsetE + centre, offsetN + centre)
            : ParseUtm(text, zone, bandLetter, columnLetter, rowLetter, offsetE + centre, offsetN + centre);
    }

    private static (double, double) ParseUtm(string text, int zone, char bandLetter, char columnLetter, char rowLetter, double e, double n)
    {
        var band = Bands.IndexOf(bandLetter, StringComparison.Ordinal);
        if (band < 0)
        {
            throw new FormatException($"MGRS '{text}': band letter '{bandLetter}' is not C-X (without I and O)");
        }
        var column = ColumnSets[(zone - 1) % 3].IndexOf(columnLetter, StringComparison.Ordinal);
        if (column < 0)
        {
            throw new FormatException($"MGRS '{text}': column letter '{columnLetter}' is not used in zone {zone} (expected one of {ColumnSets[(zone - 1) % 3]})");
        }
        var row = RowLetters.IndexOf(rowLetter, StringComparison.Ordinal);
        if (row < 0)
        {
            throw new FormatException($"MGRS '{text}': row letter '{rowLetter}' is not A-V (without I and O)");
        }
        row = (row - (zone % 2 == 0 ? 5 : 0) + 20) % 20;
        var easting = ((column + 1) * 100_000.0) + e;
        var bandSouth = -80 + (8.0 * band);
        var bandNorth = band == Bands.Length - 1 ? 84 : bandSouth + 8;
        var northern = bandSouth >= 0;
        // The row letters repeat every 2 000 km: pick the repetition whose latitude falls in the band.
        (double Lat, double Lon)? best = null;
        var bestMiss = double.MaxValue;
        for (var k = 0; k < 5; k++)
        {
            var northing = (row * 100_000.0) + n + (k * 2_000_000.0);
            var (lat, lon) = UtmUps.Inverse(new GridCoordinate(zone, northern, easting, northing));
            var miss = lat < bandSouth ? bandSouth - lat : lat > bandNorth ? lat - bandNorth : 0;
            if (miss < bestMiss)
            {
                bestMiss = miss;
                best = (lat, lon);
            }
        }
        if (best is null || bestMiss > 0.5)
        {
            throw new FormatException($"MGRS '{text}': square {columnLetter}{rowLetter} does not lie in band {bandLetter}");
        }
        return best.Value;
    }

    private static (double, double) ParseUps(string text, char bandLetter, char columnLetter, char rowLetter, double e, double n)
    {
        var (north, west) = bandLetter switch
        {
            'Y' => (true, true),
            'Z' => (true, false),
            'A' => (false, true),
            'B' => (false, false),
            _ => throw new FormatException($"MGRS '{text}': without a zone number the band must be A, B (south pole) or Y, Z (north pole)"),
        };
        var (columns, columnStart) = north ? (west ? (UpsNorthColumnsWest, 13) : (UpsNorthColumnsEast, 20))
            : (west ? (UpsSouthColumnsWest, 8) : (UpsSouthColumnsEast, 20));
        var (rows, rowStart) = north ? (UpsNorthRows, 13) : (UpsSouthRows, 8);
        var column = columns.IndexOf(columnLetter, StringComparison.Ordinal);
        var row = rows.IndexOf(rowLetter, StringComparison.Ordinal);
        if (column < 0 || row < 0)
        {
            throw new FormatException($"MGRS '{text}': square {columnLetter}{rowLetter} is not used in UPS band {bandLetter}");
        }
        var grid = new GridCoordinate(0, north, ((columnStart + column) * 100_000.0) + e, ((rowStart + row) * 100_000.0) + n);
        return UtmUps.Inverse(grid);
    }
}
