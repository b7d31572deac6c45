namespace Deconflict.Core.Tactical;

/// <summary>
/// A predicted loss of separation between snapshot rows <see cref="Index1"/> &lt; <see cref="Index2"/>:
/// the interval [TInS, TOutS] (clipped to the look-ahead) during which the pair is inside the cylinder, and
/// the closest horizontal approach within the look-ahead: its time, horizontal distance and the vertical
/// distance at that time.
/// </summary>
public readonly record struct TacticalConflict(int Index1, int Index2, double TInS, double TOutS, double TCpaS, double HCpaNm, double VCpaFt)
    : IComparable<TacticalConflict>
{
    /// <summary>Orders by (Index1, Index2), the detector's deterministic output order.</summary>
    public int CompareTo(TacticalConflict other)
    {
        var c = Index1.CompareTo(other.Index1);
        return c != 0 ? c : Index2.CompareTo(other.Index2);
    }

    public static bool operator <(TacticalConflict left, TacticalConflict right) => left.CompareTo(right) < 0;

    public static bool operator >(TacticalConflict left, TacticalConflict right) => left.CompareTo(right) > 0;

    public static bool operator <=(TacticalConflict left, TacticalConflict right) => left.CompareTo(right) <= 0;

    public static bool operator >=(TacticalConflict left, TacticalConflict right) => left.CompareTo(right) >= 0;
}
