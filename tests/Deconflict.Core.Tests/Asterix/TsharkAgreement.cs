using Deconflict.Core.Asterix;

namespace Deconflict.Core.Tests.Asterix;

/// <summary>Checks every field this decoder reads against what Wireshark's dissector says the same record holds.</summary>
internal static class TsharkAgreement
{
    private const double Tolerance = 1e-6;

    /// <summary>Decodes each datagram of <paramref name="pcap"/> and compares record by record; returns the number of records compared.</summary>
    public static int Check(string pcap, int port)
    {
        var packets = Tshark.Records(pcap, port);
        var decoder = new AsterixDecoder();
        var datagrams = CaptureFile.Open(pcap).Datagrams().ToList();
        datagrams.Count.ShouldBe(packets.Count);
        var compared = 0;
        for (var i = 0; i < datagrams.Count; i++)
        {
            var targets = new List<AsterixTarget>();
            decoder.Decode(datagrams[i].Payload.Span, targets);
            targets.Count.ShouldBeLessThanOrEqualTo(packets[i].Count, $"packet {i + 1}");
            for (var k = 0; k < targets.Count; k++)
            {
                Compare(targets[k], packets[i][k], $"packet {i + 1} record {k + 1}");
                compared++;
            }
        }
        return compared;
    }

    public static void Compare(AsterixTarget t, Dictionary<string, string> r, string where)
    {
        var c = t.Category.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        string F(string item) => $"asterix.{c}_{item}";
        void Near(double actual, string field, double scale = 1, double tolerance = Tolerance)
        {
            if (r.ContainsKey(field) && !(double.IsNaN(actual) && Impossible(field, r.Number(field))))
            {
                actual.ShouldBe(r.Number(field) * scale, tolerance, $"{where}: {field}");
            }
        }
        if (r.ContainsKey(F("010_SAC")))
        {
            t.Sac.ShouldBe(r.Hex(F("010_SAC")), where);
            t.Sic.ShouldBe(r.Hex(F("010_SIC")), where);
        }
        // Wireshark must have decoded the position at least, or the comparison below would compare nothing.
        var position = t.Category switch { 21 => "13", 62 => "105_LAT", _ => "040_RHO" };
        var prefix = F(position);
        if (t.HasPosition)
        {
            r.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal)).ShouldBeTrue($"{where}: Wireshark decoded no {prefix}");
        }
        switch (t.Category)
        {
            case 21:
                if (r.ContainsKey(F("131_LAT")))
                {
                    Near(t.LatDeg, F("131_LAT"));
                    Near(t.LonDeg, F("131_LON"));
                }
                else
                {
                    Near(t.LatDeg, F("130_LAT"));
                    Near(t.LonDeg, F("130_LON"));
                }
                if (r.ContainsKey(F("071_VALUE")))
                {
                    Near(t.TimeOfDayS, F("071_VALUE"));
                }
                else if (r.ContainsKey(F("074_TOMRP")))
                {
                    var fsi = r.Hex(F("074_FSI"));
                    var expected = Math.Floor(r.Number(F("073_VALUE"))) + (fsi == 1 ? 1 : fsi == 2 ? -1 : 0) + r.Number(F("074_TOMRP"));
                    t.TimeOfDayS.ShouldBe(expected, 1e-6, where);
                }
                Near(t.FlightLevelFt, F("145_VALUE"), 100);
                Near(t.GeometricAltFt, F("140_VALUE"));
                Near(t.VsFpm, F("155_BVR"));
                Near(t.GsKt, F("160_GS"), 3600);
                Near(t.TrkDeg, F("160_TA"));
                Same(t.Address, r, F("080_VALUE"), where);
                Same(t.EmitterCategory, r, F("020_VALUE"), where);
                Same(t.TrackNumber, r, F("161_TRNUM"), where);
                Callsign(t.Callsign, r, F("170_VALUE"), where);
                break;
            case 62:
                Near(t.LatDeg, F("105_LAT"));
                Near(t.LonDeg, F("105_LON"));
                Near(t.TimeOfDayS, F("070_VALUE"));
                Same(t.TrackNumber, r, F("040_VALUE"), where);
                Near(t.FlightLevelFt, F("136_VALUE"), 100);
                Near(t.GeometricAltFt, F("130_VALUE"));
                Near(t.VsFpm, F("220_VALUE"));
                if (r.ContainsKey(F("185_VX")))
                {
                    double vx = r.Number(F("185_VX")), vy = r.Number(F("185_VY"));
                    t.GsKt.ShouldBe(Math.Sqrt((vx * vx) + (vy * vy)) * 3600 / 1852, 1e-9, where);
                }
                Same(t.Address, r, F("380_ADR_VALUE"), where);
                Callsign(t.Callsign, r, F("380_ID_VALUE"), where);
                break;
            case 48:
                Near(t.RhoNm, F("040_RHO"));
                Near(t.ThetaDeg, F("040_THETA"));
                Near(t.TimeOfDayS, F("140_VALUE"));
                Near(t.FlightLevelFt, F("090_FL"), 100);
                Near(t.GsKt, F("200_GSP"), 3600);
                Near(t.TrkDeg, F("200_HDG"));
                Same(t.Address, r, F("220_VALUE"), where);
                Same(t.TrackNumber, r, F("161_TRN"), where);
                Callsign(t.Callsign, r, F("240_VALUE"), where);
                break;
        }
    }

    /// <summary>A value the decoder refuses (and counts) rather than reports.</summary>
    private static bool Impossible(string field, double value) =>
        field.EndsWith("_LAT", StringComparison.Ordinal) ? Math.Abs(value) > 90 : field.EndsWith("_LON", StringComparison.Ordinal) && Math.Abs(value) > 180;

    private static void Same(int actual, Dictionary<string, string> r, string field, string where)
    {
        if (r.ContainsKey(field))
        {
            actual.ShouldBe(r.Hex(field), $"{where}: {field}");
        }
    }

    private static void Callsign(string? actual, Dictionary<string, string> r, string field, string where)
    {
        if (r.TryGetValue(field, out var text) && text.Trim() is { Length: > 0 } expected && !expected.Contains(' ', StringComparison.Ordinal))
        {
            actual.ShouldBe(expected, $"{where}: {field}");
        }
    }
}
