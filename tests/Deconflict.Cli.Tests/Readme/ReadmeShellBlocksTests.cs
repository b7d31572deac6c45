using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Deconflict.Testing;

namespace Deconflict.Cli.Tests.Readme;

/// <summary>
/// The README's hub examples run as written: every <c>sh</c> block that talks to a hub (<c>$HUB</c>) is run, in the
/// file's order, in one bash with <c>set -euo pipefail</c> against the fresh hub its first block starts (on a spare
/// port instead of 5090, with the built CLI for <c>./deconflict</c>). A failed step stops the script; each
/// <c>curl -i</c> line must answer the status its comment names.
/// </summary>
public sealed partial class ReadmeShellBlocksTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("deconflict-readme-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [GeneratedRegex(@"^```sh\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"#\s*(\d{3})\b")]
    private static partial Regex CommentStatus();

    // Not anchored: curl -i prints a reply's status right after the previous reply's body, which has no final newline.
    [GeneratedRegex(@"HTTP/[0-9.]+ (\d{3}) ")]
    private static partial Regex StatusLine();

    internal static List<string> HubBlocks(string readme) =>
        [.. ShellBlock().Matches(readme).Select(m => m.Groups[1].Value).Where(b => b.Contains("$HUB", StringComparison.Ordinal))];

    /// <summary>The status each <c>curl -i</c>/<c>-si</c> line's comment names, in order; a line that names none fails.</summary>
    internal static List<string> ExpectedStatuses(IEnumerable<string> blocks)
    {
        var expected = new List<string>();
        foreach (var line in blocks.SelectMany(b => b.Split('\n')))
        {
            if (!line.Contains("curl -si ", StringComparison.Ordinal) && !line.Contains("curl -i ", StringComparison.Ordinal))
            {
                continue;
            }
            var status = CommentStatus().Match(line);
            status.Success.ShouldBeTrue($"README line shows a status but its comment does not say which: {line}");
            expected.Add(status.Groups[1].Value);
        }
        return expected;
    }

    [Fact]
    public async Task The_readme_hub_blocks_run_in_order_against_a_fresh_hub()
    {
        var blocks = HubBlocks(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "README.md"), TestContext.Current.CancellationToken));
        blocks.Count.ShouldBeGreaterThanOrEqualTo(3, "the quickstart, ground and audit blocks");
        blocks[0].ShouldContain("./deconflict serve", customMessage: "the first hub block starts the hub it talks to");
        var expected = ExpectedStatuses(blocks);
        expected.ShouldNotBeEmpty();

        var port = SparePort();
        var cli = Path.Combine(AppContext.BaseDirectory, "deconflict.dll");
        var script = "set -euo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null || true; wait' EXIT\n"
            + string.Join("\n", blocks)
                .Replace("./deconflict ", $"dotnet '{cli}' ", StringComparison.Ordinal)
                .Replace("http://127.0.0.1:5090", $"http://127.0.0.1:{port}", StringComparison.Ordinal);
        var path = Path.Combine(_dir, "readme.sh");
        await File.WriteAllTextAsync(path, script, TestContext.Current.CancellationToken);

        var start = new ProcessStartInfo("bash") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            timeout.CancelAfter(TimeSpan.FromMinutes(4));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
        }
        var output = await stdout;
        var errors = await stderr;
        var report = $"script:\n{script}\n--- stdout:\n{output}\n--- stderr:\n{errors}";
        process.ExitCode.ShouldBe(0, report);
        StatusLine().Matches(output).Select(m => m.Groups[1].Value).ToList().ShouldBe(expected, report);
        // The audit block verified the export and the receipt it kept.
        output.ShouldContain("receipt", Case.Insensitive, report);
    }

    [Fact]
    public void A_status_line_without_its_expected_status_is_caught()
    {
        Should.Throw<Exception>(() => ExpectedStatuses(["curl -si -X PUT $HUB/api/v1/intents/X\n"]));
        ExpectedStatuses(["curl -si $HUB/a   # 409: blocked\ncurl -fsS $HUB/b\ncurl -si $HUB/c   # 201\n"]).ShouldBe(["409", "201"]);
    }

    private static int SparePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
