using CsCheck;
using Deconflict.Core.Formats.Aco;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;

namespace Deconflict.Core.Tests.Formats;

public class AcoTests
{
    private const string Header = """
        EXER/DESERT LINK 26//
        MSGID/ACO/CAOC NORTH/014/MAR//
        ACOID/LEVANT/01A//
        GEODATUM/WGS 1984//
        PERIOD/010600ZMAR2026/020559ZMAR2026//

        """;

    /// <summary>One measure of every shape, written as an air operations centre would (LATM and LATS, NM, FL, a set over two lines).</summary>
    private const string EveryShape = Header + """
        ACMID/ACM:ROZ/NAME:ROZ ALPHA/SHAPE:POLYGON//
        POLYGON/LATS:350000N0380000E/LATS:350000N0383000E/
          LATS:353000N0383000E/LATS:353000N0380000E//
        EFFLEVEL/FL100-FL200//
        APERIOD/DISCRETE/010800ZMAR2026/011200ZMAR2026//
        ACMID/ACM:UAROZ/NAME:UA CIRCLE/SHAPE:CIRCLE//
        CIRCLE/LATM:3530N03900E/RADIUS:10NM//
        EFFLEVEL/SFC-5000FT//
        ACMID/ACM:MRR/NAME:MRR BLUE/SHAPE:CORRIDOR//
        CORRIDOR/LATS:340000N0370000E/LATS:341000N0372000E/LATS:342000N0373000E/WIDTH:4KM//
        EFFLEVEL/3000FT-FL150//
        APERIOD/DISCRETE/011000ZMAR2026/01120030ZMAR2026//
        GENTEXT/REMARKS/CORRIDOR CLOSED TO ROTARY WING//
        ACMID/ACM:AAR/NAME:TRACK 7/SHAPE:ORBIT//
        ORBIT/LATS:360000.5N0400000E/LATS:360000.5N0410000E/WIDTH:20NM/C//
        EFFLEVEL/FL220-FL260//
        ACMID/ACM:CP/NAME:CP WHISKY/SHAPE:POINT//
        POINT/LATS:331530S0012045W//
        EFFLEVEL/1500M-FL100//
        """;

    [Fact]
    public void Every_shape_is_read_with_its_band_and_period()
    {
        var m = AcoReader.Read(EveryShape);
        (m.Originator, m.Serial, m.Month, m.Area, m.AcoSerial).ShouldBe(("CAOC NORTH", "014", "MAR", "LEVANT", "01A"));
        m.PeriodStart.ShouldBe(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
        m.Measures.Select(x => x.Shape.Keyword).ShouldBe(["POLYGON", "CIRCLE", "CORRIDOR", "ORBIT", "POINT"]);
        m.Ignored.ShouldBe(["set 1 (line 1): EXER", "set 17 (line 18): GENTEXT"]);

        var polygon = m.Measures[0];
        (polygon.Name, polygon.Type, polygon.LowerFt, polygon.UpperFt).ShouldBe(("ROZ ALPHA", "ROZ", 10_000, 20_000));
        polygon.Start.ShouldBe(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        polygon.Line.ShouldBe(6);
        ((AcoPolygon)polygon.Shape).Corners[2].ToGeoPoint().ShouldBe(new GeoPoint(35.5, 38.5));

        var circle = (AcoCircle)m.Measures[1].Shape;
        circle.Centre.ToGeoPoint().ShouldBe(new GeoPoint(35.5, 39));
        circle.RadiusM.ShouldBe(18_520, 1e-9);
        (m.Measures[1].LowerFt, m.Measures[1].UpperFt).ShouldBe((0, 5000));
        m.Measures[1].End.ShouldBe(m.PeriodEnd, "no APERIOD: the message's period");

        ((AcoCorridor)m.Measures[2].Shape).WidthM.ShouldBe(4000);
        m.Measures[2].End.ShouldBe(new DateTimeOffset(2026, 3, 1, 12, 0, 30, TimeSpan.Zero));
        var orbit = (AcoOrbit)m.Measures[3].Shape;
        orbit.First.ToGeoPoint().LatDeg.ShouldBe(36 + (0.5 / 3600), 1e-12);
        var point = (AcoPoint)m.Measures[4].Shape;
        point.At.ToGeoPoint().LatDeg.ShouldBe(-(33 + (15 / 60.0) + (30 / 3600.0)), 1e-12);
        point.At.ToGeoPoint().LonDeg.ShouldBe(-(1 + (20 / 60.0) + (45 / 3600.0)), 1e-12);
        m.Measures[4].LowerFt.ShouldBe(1500 / 0.3048, 1e-9);
    }

    [Fact]
    public void Every_shape_becomes_an_intent_of_the_importing_party_and_survives_export_and_import()
    {
        var message = AcoReader.Read(EveryShape);
        var intents = AcoIntents.ToIntents(message, "coalition", 3);
        intents.Select(i => i.Id).ShouldBe(["ROZ ALPHA", "UA CIRCLE", "MRR BLUE", "TRACK 7", "CP WHISKY"]);
        intents.ShouldAllBe(i => i.Party == "coalition" && i.Priority == 3 && i.State == IntentState.Accepted);
        intents[0].Volumes[0].Shape.ShouldBeOfType<PolygonShape>().Vertices.Count.ShouldBe(4);
        intents[1].Volumes[0].Shape.ShouldBeOfType<CircleShape>().RadiusM.ShouldBe(18_520, 1e-9);
        intents[2].Volumes[0].Shape.ShouldBeOfType<CorridorShape>().HalfWidthM.ShouldBe(2000);
        intents[3].Volumes[0].Shape.ShouldBeOfType<CorridorShape>().Path.Count.ShouldBe(2);
        intents[4].Volumes[0].Shape.ShouldBeOfType<CircleShape>().RadiusM.ShouldBe(AcoPoint.DefaultRadiusM);

        // Exported and imported again: the same volumes (ORBIT and CORRIDOR both stay corridors, POINT becomes CIRCLE).
        var again = AcoIntents.ToIntents(AcoReader.Read(AcoWriter.Write(AcoIntents.FromIntents(intents, "coalition", message.PeriodStart))), "coalition", 3);
        again.Count.ShouldBe(intents.Count);
        for (var k = 0; k < intents.Count; k++)
        {
            again[k].Id.ShouldBe(intents[k].Id);
            again[k].Volumes.ShouldBe(intents[k].Volumes, new VolumeComparer());
        }
    }

    [Fact]
    public void Measures_of_one_name_are_volumes_of_one_intent()
    {
        var two = Header + """
            ACMID/ACM:ROZ/NAME:HOLD/SHAPE:CIRCLE//
            CIRCLE/LATS:350000N0380000E/RADIUS:5NM//
            EFFLEVEL/FL100-FL120//
            ACMID/ACM:ROZ/NAME:HOLD/SHAPE:CIRCLE//
            CIRCLE/LATS:350000N0380000E/RADIUS:5NM//
            EFFLEVEL/FL140-FL160//
            """;
        AcoIntents.ToIntents(AcoReader.Read(two), "p").Single().Volumes.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("MSGID/ACO/X/1//\nGEODATUM/WGS 1984//", 2, 2, "ACOID")]
    [InlineData("MSGID/ACO/X/1//\nACOID/A/01A//\nGEODATUM/ED50//\nPERIOD/010600ZMAR2026/020559ZMAR2026//", 3, 3, "GEODATUM")]
    [InlineData("MSGID/ACO/X/1//\nACOID/A/01A//\nGEODATUM/WGS 1984//\nPERIOD/010600ZMAR2026/320559ZMAR2026//", 4, 4, "PERIOD end")]
    [InlineData(Header + "ACMID/ACM:ROZ/NAME:A/SHAPE:CIRCLE//\nCIRCLE/LATS:350000N0380000E//\nEFFLEVEL/FL100-FL200//", 7, 7, "RADIUS")]
    [InlineData(Header + "ACMID/ACM:ROZ/NAME:A/SHAPE:CIRCLE//\nCIRCLE/LATS:356000N0380000E/RADIUS:5NM//\nEFFLEVEL/FL100-FL200//", 7, 7, "LATS")]
    [InlineData(Header + "ACMID/ACM:ROZ/NAME:A/SHAPE:POLYGON//\nPOLYGON/LATS:350000N0380000E/LATS:350000N0383000E//\nEFFLEVEL/FL100-FL200//", 7, 7, "LATS")]
    [InlineData(Header + "ACMID/ACM:ROZ/NAME:A/SHAPE:CIRCLE//\nCIRCLE/LATS:350000N0380000E/RADIUS:5NM//\nEFFLEVEL/FL200-FL100//", 8, 8, "EFFLEVEL upper")]
    [InlineData(Header + "ACMID/ACM:ROZ/NAME:A/SHAPE:CIRCLE//\nCIRCLE/LATS:350000N0380000E/RADIUS:5NM//\nAPERIOD/DISCRETE/010800ZMAR2026/011200ZMAR2026//", 8, 8, "EFFLEVEL")]
    [InlineData(Header + "ACMID/ACM:ROZ/NAME:A/SHAPE:ARC//", 6, 6, "SHAPE")]
    [InlineData(Header + "ACMID/ACM:ROZ/NAME:A/SHAPE:CIRCLE//\nCIRCLE/LATS:350000N0380000E/RADIUS:5NM//\nEFFLEVEL/FL100-FL200//\nAPERIOD/DISCRETE/011200ZMAR2026/010800ZMAR2026//", 9, 9, "APERIOD end")]
    [InlineData(Header + "ACMID/ACM:ROZ/NAME:A/SHAPE:CIRCLE//\nCIRCLE/LATS:350000N0380000E/RADIUS:5NM//\nEFFLEVEL/FL100-FL200", 8, 8, "//")]
    [InlineData(Header + "ACMID/ACM:ROZ/NAME:A/SHAPE:ORBIT//\nORBIT/LATS:350000N0380000E/LATS:350000N0390000E/WIDTH:10NM/L//\nEFFLEVEL/FL100-FL200//", 7, 7, "ORBIT")]
    public void A_malformed_message_is_refused_naming_the_set_its_line_and_the_field(string text, int set, int line, string field)
    {
        var e = Should.Throw<AcoFormatException>(() => AcoReader.Read(text.ReplaceLineEndings("\n")));
        (e.Set, e.Line, e.Field).ShouldBe((set, line, field), e.Describe());
        e.Describe().ShouldStartWith($"set {set} (line {line}): field '{field}':");
    }

    [Fact]
    public void A_shape_the_strategic_rules_refuse_names_the_measure_set_and_line()
    {
        // A bow tie: the same rule the GeoJSON reader applies (self-intersection), reported on the ACO's own terms.
        var text = Header + "ACMID/ACM:ROZ/NAME:BOW/SHAPE:POLYGON//\nPOLYGON/LATS:350000N0380000E/LATS:353000N0383000E/LATS:350000N0383000E/LATS:353000N0380000E//\nEFFLEVEL/FL100-FL200//\n";
        var e = Should.Throw<AcoFormatException>(() => AcoIntents.ToIntents(AcoReader.Read(text), "p"));
        (e.Set, e.Line, e.Field).ShouldBe((6, 6, "POLYGON"));
        e.Message.ShouldContain("BOW");
    }

    private static readonly Gen<AcoPosition> Position =
        Gen.Select(Gen.Long[-89L * 360_000, 89L * 360_000], Gen.Long[-179L * 360_000, 179L * 360_000], (lat, lon) => new AcoPosition(lat, lon));

    private static readonly Gen<double> Distance = Gen.OneOf(Gen.Int[1, 200_000].Select(i => (double)i), Gen.Double[0.5, 300_000]);

    private static readonly Gen<AcoShape> Shape = Gen.OneOf<AcoShape>(
        Position.Array[3, 12].Select(p => (AcoShape)new AcoPolygon(p)),
        Gen.Select(Position, Distance, (c, r) => (AcoShape)new AcoCircle(c, r)),
        Gen.Select(Position.Array[2, 8], Distance, (p, w) => (AcoShape)new AcoCorridor(p, w)),
        Gen.Select(Position, Position, Distance, (a, b, w) => (AcoShape)new AcoOrbit(a, b, w)),
        Gen.Select(Position, Gen.Bool, Distance, (p, has, r) => (AcoShape)new AcoPoint(p, has ? r : null)));

    private static readonly Gen<string> Text = Gen.String[Gen.Char["ABCXYZ019 -_.:"], 1, 30].Where(s => AcoText.IsFieldText(s) && !s.Contains(':', StringComparison.Ordinal));

    private static readonly Gen<DateTimeOffset> Time = Gen.Long[0, 20L * 365 * 86_400].Select(s => new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(s));

    private static readonly Gen<AcoMeasure> Measure = Gen.Select(Text, Gen.String[Gen.Char['A', 'Z'], 2, 6], Shape,
        Gen.Select(Gen.OneOf(Gen.Int[-1000, 60_000].Select(i => (double)i), Gen.Double[-1000, 60_000]), Gen.Double[1, 20_000]),
        Gen.Select(Time, Gen.Long[1, 30L * 86_400]),
        (name, type, shape, band, window) => new AcoMeasure(name, type, shape, band.Item1, band.Item1 + band.Item2, window.Item1, window.Item1.AddSeconds(window.Item2)));

    private static readonly Gen<AcoMessage> Message = Gen.Select(Text, Gen.String[Gen.Char['0', '9'], 1, 3], Text, Measure.Array[1, 6],
        (originator, serial, area, measures) => new AcoMessage(originator, serial, "MAR", area, "01A",
            measures.Min(m => m.Start), measures.Max(m => m.End), measures));

    [Fact]
    public void Any_message_read_back_after_writing_is_the_same_message() =>
        Message.Sample(m =>
        {
            var text = AcoWriter.Write(m);
            var back = AcoReader.Read(text);
            for (var k = 0; k < m.Measures.Count; k++)
            {
                back.Measures[k].ShouldBe(m.Measures[k], text);
            }
            back.ShouldBe(m, text);
        }, iter: 3000);

    /// <summary>Volumes equal up to the ACO's resolution: positions to 0.01″, everything else exactly.</summary>
    private sealed class VolumeComparer : IEqualityComparer<Volume4D>
    {
        public bool Equals(Volume4D? x, Volume4D? y) => x is not null && y is not null && x.AltLowerFt == y.AltLowerFt && x.AltUpperFt == y.AltUpperFt
            && x.TimeStart == y.TimeStart && x.TimeEnd == y.TimeEnd && Points(x.Shape).SequenceEqual(Points(y.Shape)) && Size(x.Shape) == Size(y.Shape);

        public int GetHashCode(Volume4D obj) => 0;

        private static IEnumerable<AcoPosition> Points(VolumeShape s) => s switch
        {
            PolygonShape p => p.Vertices.Select(AcoPosition.From),
            CircleShape c => [AcoPosition.From(c.Centre)],
            CorridorShape k => k.Path.Select(AcoPosition.From),
            _ => [],
        };

        private static double Size(VolumeShape s) => s switch { CircleShape c => c.RadiusM, CorridorShape k => k.HalfWidthM, _ => 0 };
    }
}
