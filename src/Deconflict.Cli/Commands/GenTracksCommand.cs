using System.CommandLine;

namespace Deconflict.Cli.Commands;

// PLACEHOLDER: replaced by the real command.
internal static class GenTracksCommand
{
    public static Command Create()
    {
        var command = new Command("tracks", "Write a synthetic traffic snapshot.");
        command.SetAction(int (_) => throw new InputException("'tracks' is not available yet"));
        return command;
    }
}
