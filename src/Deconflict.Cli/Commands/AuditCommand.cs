using System.CommandLine;

namespace Deconflict.Cli.Commands;

// PLACEHOLDER: replaced by the real command.
internal static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "Export and verify the tamper-evident audit log.");
        command.SetAction(int (_) => throw new InputException("'audit' is not available yet"));
        return command;
    }
}
