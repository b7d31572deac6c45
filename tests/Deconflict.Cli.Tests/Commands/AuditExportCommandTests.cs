using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Deconflict.Cli.Tests.Commands;

/// <summary><c>audit export</c> against a real <c>deconflict serve</c> process, then <c>audit verify</c> on what it wrote.</summary>
public sealed partial class AuditExportCommandTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("deconflict-cli-export-").FullName;
    private readonly string _adminKey = "admin-" + Guid.NewGuid().ToString("N");
    private Process? _hub;
    private Uri? _url;

    public async ValueTask InitializeAsync()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "deconflict.dll"), "serve", "--urls", "http://127.0.0.1:0", "--data", Path.Combine(_dir, "data") })
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["DECONFLICT_ADMIN_KEY"] = _adminKey;
        _hub = Process.Start(info)!;
        _ = _hub.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (_url is null)
        {
            var line = await _hub.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("the hub exited");
            if (Listening().Match(line) is { Success: true } m)
            {
                _url = new Uri(m.Groups[1].Value);
            }
        }
        _ = DrainAsync(_hub.StandardOutput);
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            _hub.Kill(entireProcessTree: true);
            await _hub.WaitForExitAsync();
            _hub.Dispose();
        }
        Directory.Delete(_dir, recursive: true);
    }

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = _url, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private async Task<string> PartyAsync(HttpClient admin, string name)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/parties", new { name, kind = "state" });
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("api_key").GetString()!;
    }

    [Fact]
    public async Task A_party_exports_its_redacted_log_and_it_verifies_with_the_saved_key_and_receipt()
    {
        using var admin = Client(_adminKey);
        var mine = await PartyAsync(admin, "export-a");
        await PartyAsync(admin, "export-b");
        using var party = Client(mine);
        using var proposal = await party.PostAsync("/api/v1/agreements",
            new StringContent("""{"counterparty":"export-b"}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        proposal.EnsureSuccessStatusCode();
        var receipt = proposal.Headers.GetValues("Audit-Receipt").Single();

        var file = Path.Combine(_dir, "mine.ndjson");
        var export = await CliProcess.RunAsync("audit", "export", "--url", _url!.ToString(), "--key", mine, "--out", file);
        export.ExitCode.ShouldBe(0, export.Stderr);
        File.Exists(file + ".key").ShouldBeTrue();
        var lines = File.ReadAllLines(file);
        lines.ShouldContain(l => l.Contains("\"redacted\":true", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("agreement.propose", StringComparison.Ordinal));

        var verify = await CliProcess.RunAsync("audit", "verify", file, "--key", file + ".key", "--receipt", receipt);
        verify.ExitCode.ShouldBe(0, verify.Stderr);
        verify.Stdout.ShouldContain("receipts confirmed: 1");

        File.WriteAllLines(file, lines.Take(lines.Length - 1));
        var truncated = await CliProcess.RunAsync("audit", "verify", file, "--key", file + ".key", "--receipt", receipt);
        truncated.ExitCode.ShouldBe(1);
        truncated.Stderr.ShouldContain("truncated");
    }

    [Fact]
    public async Task A_refused_key_exits_two()
    {
        var run = await CliProcess.RunAsync("audit", "export", "--url", _url!.ToString(), "--key", "dcf_not_a_key");
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("401");
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is not null)
        {
        }
    }

    [GeneratedRegex(@"listening on (http://[^\s,]+)")]
    private static partial Regex Listening();
}
