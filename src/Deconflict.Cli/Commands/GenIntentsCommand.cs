using System.CommandLine;

namespace Deconflict.Cli.Commands;

// PLACEHOLDER: replaced by the real command.
internal static class GenIntentsCommand
{
    public static Command Create()
    {
        var command = new Command("intents", "Write synthetic operational intents.");
        command.SetAction(int (_) => throw new InputException("'intents' is not available yet"));
        return command;
    }
}
