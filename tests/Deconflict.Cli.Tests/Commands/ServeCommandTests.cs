using System.Net;
using System.Net.Sockets;

namespace Deconflict.Cli.Tests.Commands;

public sealed class ServeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("deconflict-serve-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_port_already_in_use_is_one_line_naming_it_and_suggesting_urls_with_exit_2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var outcome = await CliProcess.RunAsync("serve", "--data", _dir, "--urls", $"http://127.0.0.1:{port}");
        outcome.ExitCode.ShouldBe(2);
        var lines = outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldHaveSingleItem().ShouldStartWith($"error: http://127.0.0.1:{port}: port {port} is already in use");
        lines[0].ShouldContain("--urls http://127.0.0.1:");
        outcome.Stdout.ShouldNotContain("   at ");
        outcome.Stdout.ShouldNotContain("Exception");
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:8600?party=p", "is not udp://")]
    [InlineData("udp://radar.example:8600?party=p", "is not an IP address")]
    [InlineData("udp://127.0.0.1?party=p", "needs a port")]
    [InlineData("udp://239.1.1.1:8600?iface=lo&party=p", "iface 'lo'")]
    [InlineData("udp://239.1.1.1:8600?colour=blue", "unknown or empty parameter 'colour'")]
    [InlineData("udp://239.1.1.1:8600", "names no party")]
    public async Task A_wrong_asterix_source_is_a_usage_error_naming_the_part_with_exit_2(string source, string expected)
    {
        var outcome = await CliProcess.RunAsync("serve", "--data", _dir, "--urls", "http://127.0.0.1:0", "--asterix", source);
        outcome.ExitCode.ShouldBe(2);
        outcome.Stderr.ShouldContain("option '--asterix'");
        outcome.Stderr.ShouldContain(expected);
        outcome.Stderr.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("--cluster needs --db", "--cluster")]
    [InlineData("need --cluster", "--silo-port", "12000")]
    [InlineData("must differ", "--cluster", "--db", "postgres://hub@127.0.0.1:1/hub", "--silo-port", "12000", "--gateway-port", "12000")]
    [InlineData("is not a port", "--cluster", "--db", "postgres://hub@127.0.0.1:1/hub", "--gateway-port", "70000")]
    public async Task Wrong_cluster_options_are_a_usage_error_naming_them_with_exit_2(string expected, params string[] options)
    {
        var outcome = await CliProcess.RunAsync(["serve", "--data", _dir, "--urls", "http://127.0.0.1:0", .. options]);
        outcome.ExitCode.ShouldBe(2);
        outcome.Stderr.ShouldContain(expected);
        outcome.Stderr.ShouldNotContain("   at ");
    }
}
