namespace Deconflict.Cli;

/// <summary>
/// A user's input (a file, a flag) is wrong. The message names the file, line and field
/// at fault; the CLI prints it without a stack trace and exits with code 2.
/// </summary>
public sealed class InputException(string message) : Exception(message)
{
    /// <summary>Builds the conventional "FILE:LINE: field 'X': problem" message.</summary>
    public static InputException At(string file, long line, string field, string problem) =>
        new($"{file}:{line}: field '{field}': {problem}");
}
