namespace Deconflict.Core.Formats.Aco;

/// <summary>The shape of an airspace control measure, as its shape set gives it.</summary>
public abstract record AcoShape
{
    /// <summary>The shape's keyword: POLYGON, CIRCLE, CORRIDOR, ORBIT or POINT.</summary>
    public abstract string Keyword { get; }
}

/// <summary><c>POLYGON/LATS:…/LATS:…/LATS:…//</c>: at least three corners, the ring closing itself.</summary>
public sealed record AcoPolygon(IReadOnlyList<AcoPosition> Corners) : AcoShape
{
    public override string Keyword => "POLYGON";

    public bool Equals(AcoPolygon? other) => other is not null && Corners.SequenceEqual(other.Corners);

    public override int GetHashCode() => Corners.Count;
}

/// <summary><c>CIRCLE/LATS:…/RADIUS:20NM//</c>.</summary>
public sealed record AcoCircle(AcoPosition Centre, double RadiusM) : AcoShape
{
    public override string Keyword => "CIRCLE";
}

/// <summary><c>CORRIDOR/LATS:…/LATS:…/WIDTH:10NM//</c>: a path of two or more points and its full width.</summary>
public sealed record AcoCorridor(IReadOnlyList<AcoPosition> Path, double WidthM) : AcoShape
{
    public override string Keyword => "CORRIDOR";

    public bool Equals(AcoCorridor? other) => other is not null && WidthM.Equals(other.WidthM) && Path.SequenceEqual(other.Path);

    public override int GetHashCode() => HashCode.Combine(Path.Count, WidthM);
}

/// <summary><c>ORBIT/LATS:…/LATS:…/WIDTH:20NM/C//</c>: a racetrack between two points, centred on the line between them.</summary>
public sealed record AcoOrbit(AcoPosition First, AcoPosition Second, double WidthM) : AcoShape
{
    public override string Keyword => "ORBIT";
}

/// <summary><c>POINT/LATS:…[/RADIUS:1NM]//</c>: a point, taken as a circle of its radius (1 NM when none is given).</summary>
public sealed record AcoPoint(AcoPosition At, double? RadiusM) : AcoShape
{
    /// <summary>The radius a POINT measure is deconflicted with when the message gives none.</summary>
    public const double DefaultRadiusM = 1852;

    public override string Keyword => "POINT";
}
