using System.Diagnostics;
using System.Text.Json;

namespace Deconflict.Core.Tests.Formats;

/// <summary>GDAL's <c>ogr2ogr</c> and <c>ogrinfo</c> (Debian's gdal-bin, installed by ./run-tests), run with a time limit.</summary>
internal static class Gdal
{
    public static string Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed (Debian package gdal-bin; ./run-tests installs it): {e.Message}", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(true);
                throw new TimeoutException($"{tool} {string.Join(' ', args)} did not finish in 60 s");
            }
            process.ExitCode.ShouldBe(0, $"{tool} {string.Join(' ', args)}: {error.Result}");
            return output.Result;
        }
    }

    /// <summary>Every layer of a KML file read by GDAL (LIBKML driver) as GeoJSON features.</summary>
    public static List<JsonElement> ReadKml(string kmlPath, string workDir)
    {
        var layers = Run("ogrinfo", "-q", "-ro", kmlPath).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..].Trim()).ToList();
        layers.Count.ShouldBeGreaterThan(0);
        var features = new List<JsonElement>();
        for (var k = 0; k < layers.Count; k++)
        {
            var output = Path.Combine(workDir, $"layer{k}.geojson");
            Run("ogr2ogr", "-f", "GeoJSON", output, kmlPath, layers[k]);
            using var doc = JsonDocument.Parse(File.ReadAllText(output));
            features.AddRange(doc.RootElement.GetProperty("features").EnumerateArray().Select(f => f.Clone()));
        }
        return features;
    }
}
