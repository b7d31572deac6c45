namespace Deconflict.Core.Formats.Kml;

/// <summary>
/// A KML document cannot be read as the hub's objects. <see cref="Line"/> is the 1-based line of the element at
/// fault (0 when unknown) and <see cref="Element"/> names it (e.g. <c>Placemark[2] 'ROZ A'.ExtendedData.alt_lower_ft</c>).
/// </summary>
public sealed class KmlFormatException : Exception
{
    public KmlFormatException(int line, string element, string message)
        : base(message)
    {
        Line = line;
        Element = element;
    }

    public KmlFormatException()
        : this(0, "kml", "invalid KML document")
    {
    }

    public KmlFormatException(string message)
        : this(0, "kml", message)
    {
    }

    public KmlFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Element = "kml";
    }

    public int Line { get; }

    public string Element { get; }

    /// <summary>"line N: element: problem".</summary>
    public string Describe() => Line > 0 ? $"line {Line}: {Element}: {Message}" : $"{Element}: {Message}";
}
