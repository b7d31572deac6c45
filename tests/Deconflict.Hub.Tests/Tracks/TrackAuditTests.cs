using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Tracks;

/// <summary>Position reports are accountable per accepted batch, not with one audit entry per report.</summary>
public sealed class TrackAuditTests : IAsyncLifetime
{
    private LiveHub _hub = null!;

    public async ValueTask InitializeAsync() => _hub = await LiveHub.StartAsync();

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    /// <summary>The canonical digest, written from the README's description rather than from the hub's code.</summary>
    private static string Digest(IEnumerable<string[]> reports)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var fields in reports)
        {
            foreach (var f in fields)
            {
                var bytes = Encoding.UTF8.GetBytes(f);
                var length = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
                sha.AppendData(length);
                sha.AppendData(bytes);
            }
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static string[] Fields(string id, DateTimeOffset t, double lat, double lon, double alt, double gs, double trk) =>
        [id, (t.ToUnixTimeMilliseconds() / 1000.0).ToString("R", CultureInfo.InvariantCulture),
            .. new[] { lat, lon, alt, gs, trk, 0 }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)), "", ""];

    private static async Task<List<JsonElement>> AuditAsync(HttpClient client, string action)
    {
        var text = await (await client.GetAsync("/api/v1/audit/export")).Content.ReadAsStringAsync();
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .Where(e => e.TryGetProperty("action", out var a) && a.GetString() == action)];
    }

    [Fact]
    public async Task Each_accepted_batch_is_one_audit_entry_carrying_the_digest_of_exactly_the_reports_taken()
    {
        var (party, key) = await _hub.CreatePartyAsync("acct");
        var t0 = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000 * 1000 - 5000);
        var expected = new List<string>();
        for (var batch = 0; batch < 3; batch++)
        {
            var t = t0.AddSeconds(batch);
            var good = Enumerable.Range(0, 5).Select(i => (Id: $"AC{i}", Lat: 35 + (i * 0.1) + (batch * 0.01), Lon: 38.0 + (i * 0.1))).ToList();
            // Each batch also carries a refused report (latitude out of range): it must not be in the digest.
            var body = "[" + string.Join(",", good.Select(g => LiveHub.Report(g.Id, t, g.Lat, g.Lon, 30000, 400, 90)).Append(LiveHub.Report("BAD", t, 95, 38, 30000, 400, 90))) + "]";
            using var response = await _hub.PostTracksAsync(key, body);
            var reply = await response.ShouldBeAsync(HttpStatusCode.Accepted);
            reply.GetProperty("accepted").GetInt32().ShouldBe(5);
            response.Receipt().ShouldNotBeNull();
            var digest = Digest(good.Select(g => Fields(g.Id, t, g.Lat, g.Lon, 30000, 400, 90)));
            reply.GetProperty("reports_sha256").GetString().ShouldBe(digest);
            expected.Add(digest);
        }
        // A batch with nothing taken leaves no entry and no receipt.
        using (var refused = await _hub.PostTracksAsync(key, "[" + LiveHub.Report("BAD", t0, 95, 38, 30000, 400, 90) + "]"))
        {
            (await refused.ShouldBeAsync(HttpStatusCode.Accepted)).GetProperty("accepted").GetInt32().ShouldBe(0);
            refused.Receipt().ShouldBeNull();
        }

        using var client = _hub.Client(key);
        var entries = await AuditAsync(client, "tracks.report");
        entries.Count.ShouldBe(3, "15 reports in 3 accepted batches");
        var contents = entries.Select(e => JsonDocument.Parse(e.GetProperty("content_json").GetString()!).RootElement).ToList();
        contents.Select(c => c.GetProperty("reports_sha256").GetString()).ShouldBe(expected);
        contents.ShouldAllBe(c => c.GetProperty("reports").GetInt32() == 5 && c.GetProperty("rejected").GetInt32() == 1 && c.GetProperty("tracks").GetInt32() == 5);
        entries.ShouldAllBe(e => e.GetProperty("actor").GetString() == party);
    }
}
