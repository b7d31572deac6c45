namespace Deconflict.Core.Surveillance;

/// <summary>
/// The live picture frozen at one instant for a detection cycle: the detector's column arrays
/// plus, per row, the track's party, intent and store slot. Reused from cycle to cycle: the
/// columns only ever grow, so a steady cycle allocates nothing.
/// </summary>
public sealed class LiveSnapshot
{
    private string?[] _party = new string?[16];
    private string?[] _intent = new string?[16];
    private int[] _slot = new int[16];

    /// <summary>The instant every row was extrapolated to, UNIX seconds.</summary>
    public double TimeS { get; private set; }

    public int Count { get; private set; }

    public string[] Ids { get; private set; } = new string[16];

    public double[] LatDeg { get; private set; } = new double[16];

    public double[] LonDeg { get; private set; } = new double[16];

    public double[] AltFt { get; private set; } = new double[16];

    public double[] GsKt { get; private set; } = new double[16];

    public double[] TrkDeg { get; private set; } = new double[16];

    public double[] VsFpm { get; private set; } = new double[16];

    public ReadOnlySpan<string?> Party => _party.AsSpan(0, Count);

    public ReadOnlySpan<string?> IntentId => _intent.AsSpan(0, Count);

    internal void Begin(double timeS, int capacity)
    {
        TimeS = timeS;
        Count = 0;
        if (_party.Length < capacity)
        {
            var n = Math.Max(capacity, _party.Length * 2);
            _party = new string?[n];
            _intent = new string?[n];
            _slot = new int[n];
            Ids = new string[n];
            LatDeg = new double[n];
            LonDeg = new double[n];
            AltFt = new double[n];
            GsKt = new double[n];
            TrkDeg = new double[n];
            VsFpm = new double[n];
        }
    }

    internal void Add(string id, double lat, double lon, double alt, double gs, double trk, double vs, string? party, string? intent, int slot)
    {
        var i = Count++;
        Ids[i] = id;
        LatDeg[i] = lat;
        LonDeg[i] = lon;
        AltFt[i] = alt;
        GsKt[i] = gs;
        TrkDeg[i] = trk;
        VsFpm[i] = vs;
        _party[i] = party;
        _intent[i] = intent;
        _slot[i] = slot;
    }
}
