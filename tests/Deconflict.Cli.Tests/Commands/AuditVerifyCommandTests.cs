using Deconflict.Core.Audit;

namespace Deconflict.Cli.Tests.Commands;

public sealed class AuditVerifyCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("deconflict-cli-audit-").FullName;
    private readonly AuditSigner _signer = AuditSigner.CreateEphemeral();
    private readonly List<AuditEntry> _log = [];

    public AuditVerifyCommandTests()
    {
        var chain = new AuditChain(_signer);
        AuditEntry? last = null;
        for (var i = 0; i < 8; i++)
        {
            last = chain.Next(last, new DateTimeOffset(2026, 3, 1, 12, i, 0, TimeSpan.Zero), i % 2 == 0 ? "coalition" : "state-b",
                "message.post", "message", $"MSG-{i}", i % 2 == 0 ? ["coalition"] : ["*"], $$"""{"text":"сообщение {{i}}"}""");
            _log.Add(last);
        }
    }

    public void Dispose()
    {
        _signer.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string Write(IEnumerable<string> lines, string name = "log.ndjson")
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private List<string> Lines(string? reader = null) => _log.Select(e => AuditExport.FormatLine(e, reader)).ToList();

    [Fact]
    public async Task A_valid_log_exits_zero_with_a_summary()
    {
        var file = Write(Lines());
        var run = await CliProcess.RunAsync("audit", "verify", file, "--key", _signer.PublicKey.Base64, "--receipt", _log[7].ToReceipt().ToString());
        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldContain("valid: 8 entries");
        run.Stdout.ShouldContain("receipts confirmed: 1");
        run.Stdout.ShouldContain("signatures: all verified");
    }

    [Fact]
    public async Task A_redacted_export_verifies_with_a_key_file_holding_the_key_endpoint_json()
    {
        var file = Write(Lines(reader: "state-b"));
        var keyFile = Path.Combine(_dir, "hub.key.json");
        File.WriteAllText(keyFile, $$"""{"algorithm":"Ed25519","public_key":"{{_signer.PublicKey.Base64}}"}""");
        var run = await CliProcess.RunAsync("audit", "verify", file, "--key", keyFile);
        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldContain("4 full, 4 redacted");
    }

    [Fact]
    public async Task A_changed_byte_exits_one_naming_the_sequence()
    {
        var lines = Lines();
        lines[3] = lines[3].Replace("MSG-3", "MSG-9", StringComparison.Ordinal);
        var run = await CliProcess.RunAsync("audit", "verify", Write(lines), "--key", _signer.PublicKey.Base64);
        run.ExitCode.ShouldBe(1);
        run.Stderr.ShouldContain("sequence 4");
    }

    [Fact]
    public async Task A_dropped_entry_exits_one_naming_the_sequence()
    {
        var lines = Lines();
        lines.RemoveAt(5);
        var run = await CliProcess.RunAsync("audit", "verify", Write(lines));
        run.ExitCode.ShouldBe(1);
        run.Stderr.ShouldContain("sequence 6");
    }

    [Fact]
    public async Task Reordered_entries_exit_one()
    {
        var lines = Lines();
        (lines[2], lines[3]) = (lines[3], lines[2]);
        var run = await CliProcess.RunAsync("audit", "verify", Write(lines), "--key", _signer.PublicKey.Base64);
        run.ExitCode.ShouldBe(1);
        run.Stderr.ShouldContain("sequence 3");
    }

    [Fact]
    public async Task A_log_signed_by_another_key_exits_one()
    {
        using var other = AuditSigner.CreateEphemeral();
        var run = await CliProcess.RunAsync("audit", "verify", Write(Lines()), "--key", other.PublicKey.Base64);
        run.ExitCode.ShouldBe(1);
        run.Stderr.ShouldContain("sequence 1");
        run.Stderr.ShouldContain("signature");
    }

    [Fact]
    public async Task A_log_truncated_after_a_kept_receipt_exits_one()
    {
        var receipts = Write([_log[2].ToReceipt().ToString(), "Audit-Receipt: " + _log[6].ToReceipt()], "receipts.txt");
        var run = await CliProcess.RunAsync("audit", "verify", Write(Lines().Take(5)), "--key", _signer.PublicKey.Base64, "--receipt", receipts);
        run.ExitCode.ShouldBe(1);
        run.Stderr.ShouldContain("sequence 6");
        run.Stderr.ShouldContain("truncated");
    }

    [Fact]
    public async Task A_malformed_line_exits_two_naming_file_line_and_field()
    {
        var lines = Lines();
        lines[4] = lines[4].Replace("\"entry_hash\":\"", "\"entry_hash\":\"zz", StringComparison.Ordinal);
        var file = Write(lines);
        var run = await CliProcess.RunAsync("audit", "verify", file);
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain($"{file}:5: field 'entry_hash'");
        run.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_bad_key_or_receipt_or_missing_file_exits_two()
    {
        var file = Write(Lines());
        (await CliProcess.RunAsync("audit", "verify", file, "--key", "bm90IGEga2V5")).ExitCode.ShouldBe(2);
        (await CliProcess.RunAsync("audit", "verify", file, "--receipt", "1.abc.def")).ExitCode.ShouldBe(2);
        var missing = await CliProcess.RunAsync("audit", "verify", Path.Combine(_dir, "absent.ndjson"));
        missing.ExitCode.ShouldBe(2);
        missing.Stderr.ShouldContain("absent.ndjson");
    }
}
