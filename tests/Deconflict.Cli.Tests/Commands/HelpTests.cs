using System.CommandLine;
using Deconflict.Cli.Commands;

namespace Deconflict.Cli.Tests.Commands;

public sealed class HelpTests
{
    private static IEnumerable<(string Path, Command Command)> Commands(Command command, string path)
    {
        foreach (var sub in command.Subcommands)
        {
            var p = $"{path} {sub.Name}";
            yield return (p, sub);
            foreach (var nested in Commands(sub, p))
            {
                yield return nested;
            }
        }
    }

    [Fact]
    public async Task Top_level_help_describes_every_command_and_option()
    {
        var outcome = await CliProcess.RunAsync("--help");
        outcome.ExitCode.ShouldBe(0);
        var help = outcome.Stdout;
        var root = new RootCommand { ServeCommand.Create(), DetectCommand.Create(), CheckCommand.Create(), ReplayCommand.Create(), AuditCommand.Create(), GenCommand.Create(), BenchCommand.Create() };
        var checkedOptions = 0;
        foreach (var (path, command) in Commands(root, "deconflict"))
        {
            if (command.Subcommands.Count > 0 && command.Options.Count == 0)
            {
                continue;
            }
            var at = help.IndexOf($"\n  {path} ", StringComparison.Ordinal) is var i and >= 0 ? i : help.IndexOf($"\n  {path}\n", StringComparison.Ordinal);
            at.ShouldBeGreaterThanOrEqualTo(0, $"{path} is not in the top-level help");
            var end = help.IndexOf("\n\n  deconflict ", at + 1, StringComparison.Ordinal);
            var section = end < 0 ? help[at..] : help[at..end];
            section.ShouldContain(command.Description!);
            foreach (var option in command.Options)
            {
                section.ShouldContain(option.Name, customMessage: $"{path} {option.Name}");
                section.ShouldContain(option.Description!, customMessage: $"{path} {option.Name}");
                checkedOptions++;
            }
        }
        checkedOptions.ShouldBeGreaterThan(40);
    }

    [Theory]
    [InlineData("audit", "export")]
    [InlineData("audit", "verify")]
    [InlineData("bench", "cluster")]
    [InlineData("f3548", "token")]
    public async Task A_command_with_required_options_or_arguments_shows_its_help_instead_of_an_error(string group, string name)
    {
        var outcome = await CliProcess.RunAsync(group, name, "--help");
        outcome.ExitCode.ShouldBe(0, outcome.Stderr);
        outcome.Stdout.ShouldContain($"deconflict {group} {name}");
        outcome.Stderr.ShouldNotContain("error");
    }
}
