namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// The aircraft one kind of manoeuvre can bring inside the detection cylinder, each with a time window
/// [<see cref="FromS"/>, <see cref="ToS"/>] outside which no trajectory of that kind is inside it
/// (<see cref="TrafficRelevance"/>).
/// </summary>
internal sealed record ReachableTraffic(PlaneState[] Aircraft, double[] FromS, double[] ToS)
{
    public int Count => Aircraft.Length;

    /// <summary>True when aircraft <paramref name="n"/> can be inside the cylinder at some time in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public bool Overlaps(int n, double from, double to) => ToS[n] >= from && FromS[n] <= to;
}
