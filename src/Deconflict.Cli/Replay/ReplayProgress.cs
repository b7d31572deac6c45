using System.Diagnostics;
using System.Globalization;
using Deconflict.Core.Surveillance;
using Spectre.Console;

namespace Deconflict.Cli.Replay;

/// <summary>
/// Shows how far a replay has got, on standard error so that CSV on standard output stays clean: a live
/// progress bar on a terminal, otherwise one line at every tenth of the file and at least every 10 s, so a
/// slow replay (<c>--speed 60</c>) or one whose output is piped never runs silent.
/// </summary>
internal static class ReplayProgress
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(RecordingReplay replay, IEnumerable<PositionReport> source, FileStream file, string name, TextWriter stderr, CancellationToken cancellation)
    {
        var length = Math.Max(1, file.Length);
        if (ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            if (console.Profile.Capabilities.Interactive)
            {
                await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask($"replay {Markup.Escape(name)}", maxValue: length);
                        await replay.RunAsync(Observed(source, replay.Speed > 0 ? 0 : 1023, (_, _) => task.Value = file.Position), cancellation).ConfigureAwait(false);
                        task.Value = task.MaxValue;
                    }).ConfigureAwait(false);
                return;
            }
        }
        var watch = Stopwatch.StartNew();
        var lastTenth = 0L;
        var lastLine = TimeSpan.Zero;
        await replay.RunAsync(Observed(source, replay.Speed > 0 ? 0 : 1023, (reports, timeS) =>
        {
            var tenth = Math.Min(9, file.Position * 10 / length); // the tenth tenth is the closing line
            if (tenth > lastTenth || watch.Elapsed - lastLine >= PlainInterval)
            {
                lastTenth = Math.Max(lastTenth, tenth);
                lastLine = watch.Elapsed;
                stderr.WriteLine(Line(name, file.Position * 100 / length, reports, timeS));
            }
        }), cancellation).ConfigureAwait(false);
        stderr.WriteLine(Line(name, 100, replay.Reports, replay.EndS));
    }

    private static string Line(string name, long percent, long reports, double timeS) =>
        string.Create(CultureInfo.InvariantCulture,
            $"replay {name}: {percent,3}% of the file, {reports:N0} reports, recording time {(double.IsFinite(timeS) ? DateTimeOffset.FromUnixTimeMilliseconds((long)(timeS * 1000)).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-")}");

    /// <summary>
    /// Passes the reports through, calling <paramref name="progress"/> with the count and the last report's time
    /// whenever <c>count &amp; mask</c> is 0 (every report of a paced replay, every 1024th of a fast one).
    /// </summary>
    private static IEnumerable<PositionReport> Observed(IEnumerable<PositionReport> source, long mask, Action<long, double> progress)
    {
        long n = 0;
        foreach (var r in source)
        {
            if ((++n & mask) == 0)
            {
                progress(n, r.TimeS);
            }
            yield return r;
        }
    }
}
