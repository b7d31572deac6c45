using System.CommandLine;

namespace Deconflict.Cli.Commands;

// PLACEHOLDER: replaced by the real command.
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the hub.");
        command.SetAction(int (_) => throw new InputException("'serve' is not available yet"));
        return command;
    }
}
