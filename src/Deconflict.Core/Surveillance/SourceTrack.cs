namespace Deconflict.Core.Surveillance;

/// <summary>
/// A track of one surveillance source that carries no aircraft address: the source (ASTERIX category, SAC, SIC)
/// and the source's own track number, -1 for a plot the source did not number. The unit a
/// <see cref="TrackAssociator"/> keeps its association for.
/// </summary>
public readonly record struct SourceTrack(int Category, int Sac, int Sic, int TrackNumber)
{
    /// <summary>The source alone (its track number cleared): two tracks of one source are two aircraft by that source's own judgement.</summary>
    /// <remarks>A method, not a property: a record prints its properties, and this one is a <see cref="SourceTrack"/> too.</remarks>
    public SourceTrack WithoutNumber() => this with { TrackNumber = -1 };
}
