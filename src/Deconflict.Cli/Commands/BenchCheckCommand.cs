using System.CommandLine;

namespace Deconflict.Cli.Commands;

// PLACEHOLDER: replaced by the real command.
internal static class BenchCheckCommand
{
    public static Command Create()
    {
        var command = new Command("check", "Benchmark strategic checking.");
        command.SetAction(int (_) => throw new InputException("'check' is not available yet"));
        return command;
    }
}
