using System.CommandLine;

namespace Deconflict.Cli.Commands;

/// <summary><c>deconflict bench ...</c>: prints measured figures for the hot paths.</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Measure the hot paths and print the figures.")
    {
        BenchDetectCommand.Create(),
        BenchBandsCommand.Create(),
        BenchCheckCommand.Create(),
        BenchIngestCommand.Create(),
        BenchReplayCommand.Create(),
        BenchHubCommand.Create(),
        BenchClusterCommand.Create(),
        BenchEventsCommand.Create(),
        BenchEventsClientsCommand.Create(),
        BenchAuditCommand.Create(),
        BenchAsterixCommand.Create(),
    };
}
