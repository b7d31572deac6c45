using System.CommandLine;
using Deconflict.Cli;
using Deconflict.Cli.Commands;

var root = new RootCommand("Deconflict: a neutral hub for strategic and tactical deconfliction between parties that share an airspace.")
{
    ServeCommand.Create(),
    DetectCommand.Create(),
    BandsCommand.Create(),
    CheckCommand.Create(),
    ConvertCommand.Create(),
    ReplayCommand.Create(),
    AuditCommand.Create(),
    GenCommand.Create(),
    BenchCommand.Create(),
    F3548Command.Create(),
};
CommandReference.Install(root);

var parse = root.Parse(args);
if (parse.Errors.Count > 0 && parse.Action is not (System.CommandLine.Help.HelpAction or CommandReference))
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"error: {error.Message}");
    }
    Console.Error.WriteLine("Try '--help' for usage.");
    return 2;
}

try
{
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (InputException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (Microsoft.Extensions.Options.OptionsValidationException e)
{
    // A setting given on the command line or in configuration that the hub refuses: the user's input.
    foreach (var failure in e.Failures)
    {
        Console.Error.WriteLine($"error: {failure}");
    }
    return 2;
}
catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (OperationCanceledException)
{
    return 130;
}
catch (Exception e) when (Environment.GetEnvironmentVariable("DECONFLICT_DEBUG") is not "1")
{
    // A failure that is not the user's input: say what failed without a stack trace (DECONFLICT_DEBUG=1 shows it).
    Console.Error.WriteLine($"error: {e.GetType().Name}: {e.Message}");
    return 1;
}
