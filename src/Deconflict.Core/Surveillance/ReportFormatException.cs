namespace Deconflict.Core.Surveillance;

/// <summary>A position report in a file or request body is malformed; names the line (1-based) and field.</summary>
public sealed class ReportFormatException(long line, string field, string message) : Exception(message)
{
    public long Line { get; } = line;

    public string Field { get; } = field;
}
