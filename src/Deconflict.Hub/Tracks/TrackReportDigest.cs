using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Deconflict.Core.Surveillance;

namespace Deconflict.Hub.Tracks;

/// <summary>
/// SHA-256 over position reports in a canonical form, so one audit entry can stand for a whole batch (or a
/// feed's minute) and anyone holding the reports can show that entry covers exactly them. Each report is its
/// fields in order (id, t as UNIX seconds, lat_deg, lon_deg, alt_ft, gs_kt, trk_deg, vs_fpm, intent_id,
/// callsign), each as a 4-byte big-endian length and UTF-8 text, numbers in invariant round-trip form and an
/// absent value as the empty text: the same unambiguous length-prefixing as the audit entry hash.
/// </summary>
public sealed class TrackReportDigest : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _length = new byte[4];

    public long Count { get; private set; }

    public double FirstS { get; private set; } = double.NaN;

    public double LastS { get; private set; } = double.NaN;

    public void Add(in PositionReport r)
    {
        Field(r.Id);
        Field(Number(r.TimeS));
        Field(Number(r.LatDeg));
        Field(Number(r.LonDeg));
        Field(Number(r.AltFt));
        Field(Number(r.GsKt));
        Field(Number(r.TrkDeg));
        Field(Number(r.VsFpm));
        Field(r.IntentId ?? "");
        Field(r.Callsign ?? "");
        Count++;
        FirstS = double.IsNaN(FirstS) ? r.TimeS : Math.Min(FirstS, r.TimeS);
        LastS = double.IsNaN(LastS) ? r.TimeS : Math.Max(LastS, r.TimeS);
    }

    /// <summary>The hex digest of the reports added so far; the digest starts afresh.</summary>
    public string Finish()
    {
        var hex = Convert.ToHexStringLower(_hash.GetHashAndReset());
        (Count, FirstS, LastS) = (0, double.NaN, double.NaN);
        return hex;
    }

    public static string Of(IEnumerable<PositionReport> reports)
    {
        using var digest = new TrackReportDigest();
        foreach (var r in reports)
        {
            digest.Add(r);
        }
        return digest.Finish();
    }

    public void Dispose() => _hash.Dispose();

    private static string Number(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);

    private void Field(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        BinaryPrimitives.WriteInt32BigEndian(_length, bytes.Length);
        _hash.AppendData(_length);
        _hash.AppendData(bytes);
    }
}
