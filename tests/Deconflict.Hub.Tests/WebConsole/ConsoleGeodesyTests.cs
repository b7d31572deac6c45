using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Deconflict.Core.Geodesy;
using Deconflict.Testing;

namespace Deconflict.Hub.Tests.WebConsole;

/// <summary>
/// The console draws circles and corridors from its own geodesic code (web/src/geodesy.ts). Run in the
/// browser, it must agree with the reference geodesics (GeographicLib values in ../shared/reference) and
/// with the hub's own Karney implementation: an outline drawn in the wrong place misleads an operator.
/// </summary>
public sealed class ConsoleGeodesyTests
{
    [Fact]
    public async Task Console_direct_geodesic_agrees_with_the_reference_within_a_millimetre()
    {
        var ct = TestContext.Current.CancellationToken;
        var rows = File.ReadAllLines(RepoPaths.Reference("geodesy-direct.csv")).Skip(1)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .Where(r => Math.Abs(r[0]) < 89.9)
            .ToArray();
        rows.Length.ShouldBeGreaterThan(100);
        var input = JsonSerializer.Serialize(rows.Select(r => new[] { r[0], r[1], r[2], r[3] }));
        var results = await RunAsync($"return {input}.map(([lat, lon, azi, s]) => g.direct(lat, lon, azi, s));", ct);

        var worst = 0.0;
        for (var i = 0; i < rows.Length; i++)
        {
            var lon = results[i][0].GetDouble();
            var lat = results[i][1].GetDouble();
            worst = Math.Max(worst, Geodesic.Inverse(rows[i][4], rows[i][5], lat, lon).DistanceM);
        }
        worst.ShouldBeLessThan(0.001, $"worst of {rows.Length} rows");
    }

    [Fact]
    public async Task Circle_and_corridor_outlines_lie_at_their_geodesic_radius()
    {
        var ct = TestContext.Current.CancellationToken;
        var results = await RunAsync(
            "return [g.circleRing(35.1, 38.0, 30000), g.corridorRings([[37.0, 35.0], [38.2, 35.3], [39.0, 36.4]], 15000), " +
            "g.circleRing(64.0, 179.9, 50000)];", ct);

        // Circles: every vertex at the radius from the centre (one crosses the antimeridian).
        foreach (var (ring, lat, lon, radius) in new[] { (results[0], 35.1, 38.0, 30000.0), (results[2], 64.0, 179.9, 50000.0) })
        {
            ring.GetArrayLength().ShouldBeGreaterThan(64);
            foreach (var v in ring.EnumerateArray())
            {
                Geodesic.Inverse(lat, lon, v[1].GetDouble(), v[0].GetDouble()).DistanceM.ShouldBe(radius, 0.01);
            }
        }

        // Corridor: one outline per leg (their union is the corridor); every vertex at the half-width from its
        // leg's geodesic, sampled every 50 m.
        var path = new[] { (35.0, 37.0), (35.3, 38.2), (36.4, 39.0) };
        var rings = results[1];
        rings.GetArrayLength().ShouldBe(path.Length - 1);
        for (var i = 0; i + 1 < path.Length; i++)
        {
            var leg = Geodesic.Inverse(path[i].Item1, path[i].Item2, path[i + 1].Item1, path[i + 1].Item2);
            var samples = new List<(double Lat, double Lon)>();
            for (var s = 0.0; s < leg.DistanceM; s += 50)
            {
                var p = Geodesic.Direct(path[i].Item1, path[i].Item2, leg.Azimuth1Deg, s);
                samples.Add((p.LatDeg, p.LonDeg));
            }
            samples.Add(path[i + 1]);
            foreach (var v in rings[i].EnumerateArray())
            {
                var lat = v[1].GetDouble();
                var lon = v[0].GetDouble();
                samples.Min(p => Geodesic.Inverse(p.Lat, p.Lon, lat, lon).DistanceM).ShouldBe(15000, 0.1);
            }
        }
    }

    /// <summary>Transpiles web/src/geodesy.ts with the project's TypeScript, loads it in Chromium as module `g`, runs `body`.</summary>
    private static async Task<JsonElement> RunAsync(string body, CancellationToken ct)
    {
        var module = await TranspileAsync(Path.Combine(RepoPaths.Root, "web", "src", "geodesy.ts"), ct);
        await using var browser = await HeadlessChromium.StartAsync(400, 300, ct);
        var url = "data:text/javascript;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(module));
        return await browser.EvaluateAsync($"import('{url}').then(g => {{ {body} }})", ct);
    }

    private static async Task<string> TranspileAsync(string source, CancellationToken ct)
    {
        var typescript = Path.Combine(RepoPaths.Root, "web", "node_modules", "typescript");
        if (!Directory.Exists(typescript))
        {
            throw new InvalidOperationException("web/node_modules is missing: run `cd web && npm ci` (./run-tests does this).");
        }
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(
            "const ts = require(process.argv[1]); const fs = require('fs');" +
            "process.stdout.write(ts.transpileModule(fs.readFileSync(process.argv[2], 'utf8'), " +
            "{ compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 } }).outputText);");
        start.ArgumentList.Add(typescript);
        start.ArgumentList.Add(source);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = node.StandardOutput.ReadToEndAsync(ct);
        var error = node.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);
        node.ExitCode.ShouldBe(0, await error);
        return await output;
    }
}
