namespace Deconflict.Core.Tactical;

/// <summary>A traffic file is malformed: names the file, the 1-based line and the field at fault.</summary>
public sealed class TrafficFormatException(string file, long line, string field, string problem)
    : Exception($"{file}:{line}: field '{field}': {problem}")
{
    public string File { get; } = file;

    public long Line { get; } = line;

    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
