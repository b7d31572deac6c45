using System.CommandLine;

namespace Deconflict.Cli.Commands;

// PLACEHOLDER: replaced by the real command.
internal static class ReplayCommand
{
    public static Command Create()
    {
        var command = new Command("replay", "Replay a surveillance recording through the live pipeline.");
        command.SetAction(int (_) => throw new InputException("'replay' is not available yet"));
        return command;
    }
}
