using System.Diagnostics;
using System.Text.Json;

namespace Deconflict.Core.Tests.Asterix;

/// <summary>
/// Wireshark's ASTERIX dissector (Debian's tshark, installed by the test script) as an independent
/// decoder of the same bytes: each packet's records as flat maps of field name → value text.
/// </summary>
internal static class Tshark
{
    /// <summary>Records of every packet of <paramref name="pcap"/>, in order (one list per packet, blocks in order).</summary>
    public static List<List<Dictionary<string, string>>> Records(string pcap, int port)
    {
        var start = new ProcessStartInfo("tshark")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-r", pcap, "-d", $"udp.port=={port},asterix", "-T", "json", "-J", "asterix" })
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("tshark did not start");
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var json = process.StandardOutput.ReadToEnd();
        process.WaitForExit(120_000).ShouldBeTrue("tshark did not finish within 2 minutes");
        process.ExitCode.ShouldBe(0, stderr.Result);
        using var doc = JsonDocument.Parse(json);
        var packets = new List<List<Dictionary<string, string>>>();
        foreach (var packet in doc.RootElement.EnumerateArray())
        {
            var records = new List<Dictionary<string, string>>();
            foreach (var layer in packet.GetProperty("_source").GetProperty("layers").EnumerateObject())
            {
                if (layer.Name != "asterix" || layer.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                foreach (var field in layer.Value.EnumerateObject())
                {
                    if (field.Name == "asterix.message")
                    {
                        var record = new Dictionary<string, string>(StringComparer.Ordinal);
                        Flatten(field.Value, record);
                        records.Add(record);
                    }
                }
            }
            packets.Add(records);
        }
        return packets;
    }

    private static void Flatten(JsonElement e, Dictionary<string, string> into)
    {
        foreach (var p in e.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Object)
            {
                Flatten(p.Value, into);
            }
            else if (p.Value.ValueKind == JsonValueKind.String)
            {
                into.TryAdd(p.Name, p.Value.GetString()!);
            }
        }
    }

    public static double Number(this Dictionary<string, string> record, string field) =>
        double.Parse(record[field], System.Globalization.CultureInfo.InvariantCulture);

    public static int Hex(this Dictionary<string, string> record, string field) =>
        Convert.ToInt32(record[field], record[field].StartsWith("0x", StringComparison.Ordinal) ? 16 : 10);
}
