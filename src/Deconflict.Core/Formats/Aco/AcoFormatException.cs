namespace Deconflict.Core.Formats.Aco;

/// <summary>
/// An Airspace Control Order cannot be read. <see cref="Set"/> is the 1-based number of the set at fault (0 for the
/// message as a whole), <see cref="Line"/> the line it starts on and <see cref="Field"/> the field (e.g. <c>RADIUS</c>).
/// </summary>
public sealed class AcoFormatException : Exception
{
    public AcoFormatException(int set, int line, string field, string message)
        : base(message)
    {
        Set = set;
        Line = line;
        Field = field;
    }

    public AcoFormatException()
        : this(0, 0, "message", "invalid ACO message")
    {
    }

    public AcoFormatException(string message)
        : this(0, 0, "message", message)
    {
    }

    public AcoFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "message";
    }

    public int Set { get; }

    public int Line { get; }

    public string Field { get; }

    /// <summary>"set N (line L): field 'X': problem".</summary>
    public string Describe() => Set > 0 ? $"set {Set} (line {Line}): field '{Field}': {Message}" : $"field '{Field}': {Message}";
}
