using System.CommandLine;

namespace Deconflict.Cli.Commands;

/// <summary><c>deconflict audit verify|export</c>: the tamper-evident log, checked offline or fetched from a hub.</summary>
internal static class AuditCommand
{
    public static Command Create() => new("audit", "Export and verify the tamper-evident audit log.")
    {
        AuditVerifyCommand.Create(),
        AuditExportCommand.Create(),
    };
}
