using Deconflict.Core.Tactical;

namespace Deconflict.Core.Surveillance;

/// <summary>
/// The live picture frozen at one instant for a detection cycle: the detector's
/// <see cref="TrafficSnapshot"/> plus, per row, the track's party, intent and store slot.
/// Reused from cycle to cycle: the columns only ever grow, so a steady cycle allocates nothing.
/// </summary>
public sealed class LiveSnapshot
{
    private string?[] _party = new string?[16];
    private string?[] _intent = new string?[16];
    private int[] _slot = new int[16];
    private double[] _reportedAlt = new double[16];
    private double[] _heldS = new double[16];

    /// <summary>The rows as the tactical detector takes them.</summary>
    public TrafficSnapshot Traffic { get; } = new(16);

    /// <summary>The instant every row was extrapolated to, UNIX seconds.</summary>
    public double TimeS { get; private set; }

    public int Count => Traffic.Count;

    public string[] Ids => Traffic.Ids;

    public double[] LatDeg => Traffic.LatDeg;

    public double[] LonDeg => Traffic.LonDeg;

    public double[] AltFt => Traffic.AltFt;

    public double[] GsKt => Traffic.GsKt;

    public double[] TrkDeg => Traffic.TrkDeg;

    public double[] VsFpm => Traffic.VsFpm;

    public ReadOnlySpan<string?> Party => _party.AsSpan(0, Count);

    public ReadOnlySpan<string?> IntentId => _intent.AsSpan(0, Count);

    /// <summary>Each track's last reported altitude (not extrapolated), ft.</summary>
    public ReadOnlySpan<double> ReportedAltFt => _reportedAlt.AsSpan(0, Count);

    /// <summary>Seconds each track's reported altitude has held within <see cref="LiveTrackStore.AltitudeHoldBandFt"/>.</summary>
    public ReadOnlySpan<double> AltitudeHeldS => _heldS.AsSpan(0, Count);

    internal void Begin(double timeS, int capacity)
    {
        TimeS = timeS;
        Traffic.Clear();
        Traffic.EnsureCapacity(capacity);
        if (_party.Length < capacity)
        {
            var n = Math.Max(capacity, _party.Length * 2);
            _party = new string?[n];
            _intent = new string?[n];
            _slot = new int[n];
            _reportedAlt = new double[n];
            _heldS = new double[n];
        }
    }

    internal void Add(string id, double lat, double lon, double alt, double gs, double trk, double vs, string? party, string? intent, int slot,
        double reportedAlt = double.NaN, double heldS = 0)
    {
        var i = Traffic.Add(id, lat, lon, alt, gs, trk, vs);
        _party[i] = party;
        _intent[i] = intent;
        _slot[i] = slot;
        _reportedAlt[i] = double.IsNaN(reportedAlt) ? alt : reportedAlt;
        _heldS[i] = heldS;
    }
}
