using System.CommandLine;

namespace Deconflict.Cli.Commands;

/// <summary><c>deconflict gen tracks|intents|asterix</c>: synthetic data for demos and benchmarks.</summary>
internal static class GenCommand
{
    public static Command Create() => new("gen", "Generate synthetic traffic or intents for demos and benchmarks.")
    {
        GenTracksCommand.Create(),
        GenIntentsCommand.Create(),
        GenAsterixCommand.Create(),
    };
}
