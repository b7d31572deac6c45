using Deconflict.Core.Strategic;
using Deconflict.Testing;

namespace Deconflict.Cli.Tests.Commands;

public sealed class ConvertCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("deconflict-convert-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Fact]
    public void A_reference_set_goes_to_KML_and_ACO_and_back_to_the_same_intents()
    {
        var set = RepoPaths.Reference("strategic", "dev-basics.intents.geojson");
        var (exit, _, err) = StrategicCli.Run("convert", set, PathOf("set.kml"));
        exit.ShouldBe(0, err);
        (exit, _, err) = StrategicCli.Run("convert", PathOf("set.kml"), PathOf("back.geojson"));
        exit.ShouldBe(0, err);
        var original = IntentGeoJson.ReadCollection(File.ReadAllText(set)).OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        var back = IntentGeoJson.ReadCollection(File.ReadAllText(PathOf("back.geojson"))).OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        IntentGeoJson.Write(back).ShouldBe(IntentGeoJson.Write(original));

        (exit, _, err) = StrategicCli.Run("convert", set, PathOf("set.aco"));
        exit.ShouldBe(0, err);
        File.ReadAllText(PathOf("set.aco")).ShouldStartWith("MSGID/ACO/");
        (exit, _, err) = StrategicCli.Run("convert", PathOf("set.aco"), PathOf("aco.geojson"), "--party", "importer");
        exit.ShouldBe(0, err);
        var fromAco = IntentGeoJson.ReadCollection(File.ReadAllText(PathOf("aco.geojson")));
        fromAco.Sum(i => i.Volumes.Count).ShouldBe(original.Sum(i => i.Volumes.Count));
        fromAco.ShouldAllBe(i => i.Party == "importer");
    }

    [Theory]
    [InlineData("bad.aco", "MSGID/ACO/X/1//\nACOID/A/01A//\nGEODATUM/WGS 1984//\nPERIOD/010600ZMAR2026/020559ZMAR2026//\nACMID/ACM:ROZ/NAME:A/SHAPE:CIRCLE//\nCIRCLE/LATS:350000N0380000E/RADIUS:2XX//\n", "bad.aco:6: field 'set 6 RADIUS':")]
    [InlineData("bad.kml", "<kml><Placemark>\n<name>A</name>\n<Point><coordinates>38,35</coordinates></Point>\n</Placemark></kml>", "bad.kml:3: field 'Placemark[0] 'A'.Point':")]
    [InlineData("bad.geojson", "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[38,35]},\"properties\":{}}]}", "bad.geojson:2: field 'features[0].")]
    public void Bad_input_names_the_file_the_line_and_the_field_and_exits_2(string name, string text, string expected)
    {
        File.WriteAllText(PathOf(name), text);
        var (exit, _, err) = StrategicCli.Run("convert", PathOf(name), PathOf("out.geojson"), "--party", "p");
        exit.ShouldBe(2, err);
        err.ShouldContain(expected);
        err.ShouldNotContain("Exception");
        err.ShouldNotContain("   at ");
        File.Exists(PathOf("out.geojson")).ShouldBeFalse();
    }
}
