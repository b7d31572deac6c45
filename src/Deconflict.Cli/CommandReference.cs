using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Deconflict.Cli;

/// <summary>
/// <c>deconflict --help</c>: the usual help, then every command with its arguments and options (name, value,
/// description, default), so one page describes the whole tool. A command's own <c>--help</c> is unchanged.
/// </summary>
internal sealed class CommandReference(HelpAction standard) : SynchronousCommandLineAction
{
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new CommandReference((HelpAction)help.Action!);
    }

    public override int Invoke(ParseResult parseResult)
    {
        var code = standard.Invoke(parseResult);
        if (parseResult.CommandResult.Command is RootCommand root)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine();
            output.WriteLine("Every command and its options ('deconflict COMMAND --help' shows one):");
            foreach (var command in root.Subcommands.Where(c => !c.Hidden))
            {
                Write(output, command, "deconflict");
            }
        }
        return code;
    }

    private static void Write(TextWriter output, Command command, string parent)
    {
        var path = $"{parent} {command.Name}";
        var visible = command.Options.Where(o => !o.Hidden && o is not HelpOption).ToList();
        if (command.Subcommands.Count == 0 || visible.Count > 0 || command.Arguments.Count > 0)
        {
            output.WriteLine();
            var arguments = string.Concat(command.Arguments.Where(a => !a.Hidden).Select(a => $" <{a.HelpName ?? a.Name}>"));
            output.WriteLine($"  {path}{arguments}{(visible.Count > 0 ? " [options]" : "")}");
            output.WriteLine($"      {command.Description}");
            var rows = new List<(string Left, string Right)>();
            foreach (var argument in command.Arguments.Where(a => !a.Hidden))
            {
                rows.Add(($"<{argument.HelpName ?? argument.Name}>", argument.Description ?? ""));
            }
            foreach (var option in visible)
            {
                var value = option.ValueType == typeof(bool) ? "" : $" <{option.HelpName ?? option.Name.TrimStart('-')}>";
                var names = string.Join(", ", option.Aliases.Order().Append(option.Name));
                var fallback = option.HasDefaultValue && option.GetDefaultValue() is { } d && option.ValueType != typeof(bool) ? $" [default: {Format(d)}]" : "";
                rows.Add(($"{names}{value}", $"{(option.Required ? "(required) " : "")}{option.Description}{fallback}"));
            }
            var width = Math.Min(34, rows.Count == 0 ? 0 : rows.Max(r => r.Left.Length));
            foreach (var (left, right) in rows)
            {
                output.WriteLine(left.Length > width ? $"    {left}\n    {new string(' ', width)}  {right}" : $"    {left.PadRight(width)}  {right}");
            }
        }
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            Write(output, sub, path);
        }
    }

    private static string Format(object value) => value switch
    {
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e and not string => string.Join(",", e.Cast<object>()),
        _ => value.ToString() ?? "",
    };
}
