namespace Deconflict.Core.Audit;

/// <summary>A line of an exported log cannot be read; names the line number and the field at fault.</summary>
public sealed class AuditFormatException(long lineNumber, string field, string problem)
    : FormatException($"line {lineNumber}: field '{field}': {problem}")
{
    public long LineNumber { get; } = lineNumber;

    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
