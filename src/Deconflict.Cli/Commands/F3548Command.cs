using System.CommandLine;

namespace Deconflict.Cli.Commands;

/// <summary><c>deconflict f3548 keygen|token</c>: test credentials for running an F3548 test suite against a hub of your own.</summary>
internal static class F3548Command
{
    public static Command Create() => new("f3548", "Test credentials for the hub's ASTM F3548-21 DSS interface.")
    {
        F3548KeygenCommand.Create(),
        F3548TokenCommand.Create(),
    };
}
