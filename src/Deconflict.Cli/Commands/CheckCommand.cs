using System.CommandLine;

namespace Deconflict.Cli.Commands;

// PLACEHOLDER: replaced by the real command.
internal static class CheckCommand
{
    public static Command Create()
    {
        var command = new Command("check", "Check 4D operational intents for strategic conflicts.");
        command.SetAction(int (_) => throw new InputException("'check' is not available yet"));
        return command;
    }
}
