using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Deconflict.Hub.Tests.Demo;

/// <summary><c>serve --demo</c> seeds three parties, agreements and conflicting intents, and seeding again changes nothing.</summary>
public sealed class DemoScenarioTests
{
    [Fact]
    public async Task The_demo_seeds_three_parties_with_conflicts_and_is_idempotent()
    {
        var data = Path.Combine(Path.GetTempPath(), "deconflict-demo-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(data);
        try
        {
            var first = await SnapshotAsync(data);
            var second = await SnapshotAsync(data);
            second.ShouldBe(first);
            first.ShouldContain("coalition:");
            first.ShouldContain("COA-ORBIT-1");
            first.ShouldContain("SAF-TRANSIT-1");
            first.ShouldContain("REL-DRONE-1");
            first.ShouldContain("COA-CAS-2+REL-CLINIC-RAQQA");
            // Every conflict the banner's story points at is one the demo really produces.
            foreach (var (conflict, _) in Deconflict.Hub.Demo.DemoScenario.Story)
            {
                first.ShouldContain(conflict, customMessage: "the demo's story names a conflict the demo does not have");
            }
            if (!OperatingSystem.IsWindows())
            {
                (File.GetUnixFileMode(Path.Combine(data, "demo-keys.json")) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)).ShouldBe(UnixFileMode.None);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Starts the hub with --demo on the data directory and describes what each party sees.</summary>
    private static async Task<string> SnapshotAsync(string data)
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Hub:DataDirectory", data);
            b.UseSetting("Hub:Demo", "true");
            b.UseSetting("Hub:AdminKey", "demo-admin");
        });
        _ = factory.Server;
        var keys = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(Path.Combine(data, "demo-keys.json")))!;
        keys.Keys.Order(StringComparer.Ordinal).ShouldBe(["coalition", "relief", "state-af"]);
        var lines = new List<string>();
        foreach (var (party, key) in keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            using var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var intents = await (await client.GetAsync("/api/v1/intents")).ShouldBeAsync(HttpStatusCode.OK);
            var conflicts = await (await client.GetAsync("/api/v1/conflicts")).ShouldBeAsync(HttpStatusCode.OK);
            var agreements = await (await client.GetAsync("/api/v1/agreements")).ShouldBeAsync(HttpStatusCode.OK);
            conflicts.GetArrayLength().ShouldBeGreaterThan(0, $"{party} should be in a demo conflict");
            lines.Add($"{party}: intents {string.Join(",", intents.EnumerateArray().Select(i => i.GetProperty("id").GetString() + "@" + i.GetProperty("version").GetInt64()))}"
                + $" conflicts {string.Join(",", conflicts.EnumerateArray().Select(c => string.Join("+", c.GetProperty("objects").EnumerateArray().Select(o => o.GetString()))))}"
                + $" agreements {agreements.GetArrayLength()}");
        }
        return string.Join('\n', lines);
    }
}
