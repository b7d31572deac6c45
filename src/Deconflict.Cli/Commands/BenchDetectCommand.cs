using System.CommandLine;

namespace Deconflict.Cli.Commands;

// PLACEHOLDER: replaced by the real command.
internal static class BenchDetectCommand
{
    public static Command Create()
    {
        var command = new Command("detect", "Benchmark tactical detection.");
        command.SetAction(int (_) => throw new InputException("'detect' is not available yet"));
        return command;
    }
}
