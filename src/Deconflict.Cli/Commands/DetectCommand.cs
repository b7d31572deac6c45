using System.CommandLine;

namespace Deconflict.Cli.Commands;

// PLACEHOLDER: replaced by the real command.
internal static class DetectCommand
{
    public static Command Create()
    {
        var command = new Command("detect", "Detect predicted losses of separation in a traffic snapshot.");
        command.SetAction(int (_) => throw new InputException("'detect' is not available yet"));
        return command;
    }
}
