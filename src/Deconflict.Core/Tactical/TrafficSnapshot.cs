namespace Deconflict.Core.Tactical;

/// <summary>
/// The state of many aircraft at one instant, as parallel column arrays (the layout BlueSky uses for its
/// all-pairs CPA), so the detector streams through memory and a live store can refill the same arrays
/// every cycle without allocating. Arrays may be longer than <see cref="Count"/>; rows past it are unused.
/// </summary>
/// <remarks>
/// Units are those of the surveillance formats: degrees, feet, knots, feet per minute. Rows are not
/// validated here (that happens at the edges: file readers, API handlers); the detector ignores rows
/// with non-finite values.
/// </remarks>
public sealed class TrafficSnapshot
{
    public TrafficSnapshot(int capacity = 16)
    {
        capacity = Math.Max(capacity, 1);
        Ids = new string[capacity];
        LatDeg = new double[capacity];
        LonDeg = new double[capacity];
        AltFt = new double[capacity];
        GsKt = new double[capacity];
        TrkDeg = new double[capacity];
        VsFpm = new double[capacity];
    }

    public int Count { get; private set; }

    public int Capacity => LatDeg.Length;

    public string[] Ids { get; private set; }

    public double[] LatDeg { get; private set; }

    public double[] LonDeg { get; private set; }

    public double[] AltFt { get; private set; }

    public double[] GsKt { get; private set; }

    /// <summary>True track over ground, degrees clockwise from north.</summary>
    public double[] TrkDeg { get; private set; }

    public double[] VsFpm { get; private set; }

    /// <summary>Forgets every row, keeping the arrays for reuse.</summary>
    public void Clear() => Count = 0;

    /// <summary>Appends a row (growing the arrays geometrically when full) and returns its index.</summary>
    public int Add(string id, double latDeg, double lonDeg, double altFt, double gsKt, double trkDeg, double vsFpm)
    {
        if (Count == Capacity)
        {
            EnsureCapacity(Count * 2);
        }
        var i = Count++;
        Ids[i] = id;
        LatDeg[i] = latDeg;
        LonDeg[i] = lonDeg;
        AltFt[i] = altFt;
        GsKt[i] = gsKt;
        TrkDeg[i] = trkDeg;
        VsFpm[i] = vsFpm;
        return i;
    }

    /// <summary>Makes room for at least <paramref name="capacity"/> rows, keeping the existing ones.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity <= Capacity)
        {
            return;
        }
        Ids = Grow(Ids, capacity);
        LatDeg = Grow(LatDeg, capacity);
        LonDeg = Grow(LonDeg, capacity);
        AltFt = Grow(AltFt, capacity);
        GsKt = Grow(GsKt, capacity);
        TrkDeg = Grow(TrkDeg, capacity);
        VsFpm = Grow(VsFpm, capacity);
    }

    /// <summary>
    /// Sets the row count directly (growing if needed) so a caller can fill the columns in place;
    /// rows that were not written keep their previous contents.
    /// </summary>
    public void Resize(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        EnsureCapacity(count);
        Count = count;
    }

    private T[] Grow<T>(T[] array, int capacity)
    {
        var grown = new T[capacity];
        Array.Copy(array, grown, array.Length);
        return grown;
    }
}
