namespace Deconflict.Core.Formats.Kml;

/// <summary>
/// A KML <c>Placemark</c>: name, style, time (a <c>TimeSpan</c> from <see cref="Begin"/> to <see cref="End"/>, or a
/// <c>TimeStamp</c> <see cref="When"/>), <c>ExtendedData</c> (name → value, in order) and its geometries (several are
/// written as one <c>MultiGeometry</c>). <see cref="Line"/> and <see cref="Index"/> (0-based, in document order) say
/// where it was read.
/// </summary>
public sealed record KmlPlacemark(
    string? Name,
    string? StyleUrl,
    string? Begin,
    string? End,
    string? When,
    IReadOnlyList<KeyValuePair<string, string>> Data,
    IReadOnlyList<KmlGeometry> Geometries,
    string? Description = null,
    int Line = 0,
    int Index = 0)
{
    /// <summary>The value of an <c>ExtendedData</c> entry, or null.</summary>
    public string? DataValue(string name)
    {
        foreach (var pair in Data)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }
        return null;
    }
}
