using Deconflict.Core.Strategic;
using static Deconflict.Core.Tests.Strategic.Build;

namespace Deconflict.Core.Tests.Strategic;

public class IntentGeoJsonTests
{
    private const string Props = "\"intent_id\":\"i1\",\"party\":\"p1\",\"state\":\"Accepted\",\"priority\":2,\"alt_lower_ft\":0,\"alt_upper_ft\":5000,\"time_start\":\"2025-03-01T08:00:00Z\",\"time_end\":\"2025-03-01T12:00:00Z\"";
    private const string Square = "{\"type\":\"Polygon\",\"coordinates\":[[[37,34],[37.1,34],[37.1,34.1],[37,34.1],[37,34]]]}";

    private static string Collection(params string[] features) => "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features) + "]}";

    private static string Feature(string geometry, string props = Props) => "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{" + props + "}}";

    private static IntentFormatException Rejected(string json) => Should.Throw<IntentFormatException>(() => IntentGeoJson.ReadCollection(json));

    [Fact]
    public void Features_with_the_same_intent_id_become_one_intent()
    {
        var json = Collection(Feature(Square), Feature("{\"type\":\"Point\",\"coordinates\":[37.5,34.5]}", Props + ",\"radius_m\":2000"));
        var intent = IntentGeoJson.ReadCollection(json).Single();
        (intent.Id, intent.Party, intent.State, intent.Priority).ShouldBe(("i1", "p1", IntentState.Accepted, 2));
        intent.Volumes.Count.ShouldBe(2);
        intent.Volumes[0].Shape.ShouldBeOfType<PolygonShape>().Vertices.Count.ShouldBe(4);
        intent.Volumes[1].Shape.ShouldBeOfType<CircleShape>().RadiusM.ShouldBe(2000);
        intent.Volumes[1].TimeStart.ShouldBe(T0);
    }

    [Fact]
    public void Written_intents_read_back_unchanged()
    {
        var intent = new OperationalIntent("x,1", "p", IntentState.Activated, 3, 0,
        [
            Volume(Polygon((34, 37), (34, 37.1), (34.1, 37.05))),
            Volume(Circle(-16.5, 179.9, 1234.5), 100, 200.5, 1, 2),
            Volume(Corridor(750, (34, 37), (34.2, 37.3), (34.1, 37.9)), 0, 1000, 0.5, 3),
        ]);
        var back = IntentGeoJson.ReadCollection(IntentGeoJson.Write(intent)).Single();
        back.Id.ShouldBe(intent.Id);
        back.State.ShouldBe(intent.State);
        back.Priority.ShouldBe(3);
        back.Volumes.Count.ShouldBe(3);
        for (var i = 0; i < 3; i++)
        {
            back.Volumes[i].AltLowerFt.ShouldBe(intent.Volumes[i].AltLowerFt);
            back.Volumes[i].TimeEnd.ShouldBe(intent.Volumes[i].TimeEnd);
        }
        ((PolygonShape)back.Volumes[0].Shape).Vertices.ShouldBe(((PolygonShape)intent.Volumes[0].Shape).Vertices);
        ((CorridorShape)back.Volumes[2].Shape).Path.ShouldBe(((CorridorShape)intent.Volumes[2].Shape).Path);
        ((CircleShape)back.Volumes[1].Shape).ShouldBe((CircleShape)intent.Volumes[1].Shape);
    }

    [Theory]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[37,34],[37.1,34.1],[37.1,34],[37,34.1],[37,34]]]}", "coordinates", "intersects itself")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[37,34],[37.1,34],[37,34]]]}", "coordinates", "at least 3 distinct vertices")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[37,34],[37.1,34],[37.1,34],[37,34.1],[37,34]]]}", "coordinates", "repeat a vertex")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[37,34],[37,34.1],[37,34.2],[37,34]]]}", "coordinates", "no area")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[37,94],[37.1,34],[37.1,34.1],[37,34]]]}", "coordinates", "latitude 94")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[187,34],[37.1,34],[37.1,34.1],[187,34]]]}", "coordinates", "longitude 187")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[37,34],[37.1,34],[37.1,34.1],[37,34]],[[37.01,34.01],[37.02,34.01],[37.02,34.02],[37.01,34.01]]]}", "coordinates", "holes")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[37,34],[37.1,34],[37.1,34.1],[37,34.1]]]}", "coordinates", "the ring is not closed: its last position [37, 34.1] must repeat the first [37, 34]")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[]]}", "coordinates", "a ring needs positions")]
    [InlineData("{\"type\":\"Point\",\"coordinates\":[37,34]}", "radius_m", "missing")]
    [InlineData("{\"type\":\"LineString\",\"coordinates\":[[37,34]]}", "coordinates", "at least 2 points")]
    [InlineData("{\"type\":\"LineString\",\"coordinates\":[[37,34],[38,34]]}", "half_width_m", "missing")]
    [InlineData("{\"type\":\"MultiPoint\",\"coordinates\":[[37,34]]}", "geometry", "unsupported geometry type")]
    [InlineData("{\"type\":\"Point\",\"coordinates\":\"here\"}", "coordinates", "not an array")]
    public void Invalid_shapes_are_rejected_naming_the_property(string geometry, string property, string problem)
    {
        var e = Rejected(Collection(Feature(Square), Feature(geometry)));
        e.FeatureIndex.ShouldBe(1);
        e.Property.ShouldBe(property);
        e.Message.ShouldContain(problem);
        e.Describe().ShouldStartWith($"feature 1: property '{property}': ");
    }

    [Theory]
    [InlineData("\"radius_m\":0", "radius_m", "positive")]
    [InlineData("\"radius_m\":-5", "radius_m", "positive")]
    [InlineData("\"radius_m\":\"big\"", "radius_m", "must be a number")]
    public void Circle_radius_must_be_positive(string radius, string property, string problem)
    {
        var e = Rejected(Collection(Feature("{\"type\":\"Point\",\"coordinates\":[37,34]}", Props + "," + radius)));
        (e.FeatureIndex, e.Property).ShouldBe((0, property));
        e.Message.ShouldContain(problem);
    }

    [Fact]
    public void Corridor_half_width_must_be_positive()
    {
        var e = Rejected(Collection(Feature("{\"type\":\"LineString\",\"coordinates\":[[37,34],[38,34]]}", Props + ",\"half_width_m\":0")));
        (e.FeatureIndex, e.Property).ShouldBe((0, "half_width_m"));
    }

    [Theory]
    [InlineData("\"alt_upper_ft\":5000", "\"alt_upper_ft\":0", "alt_upper_ft", "above alt_lower_ft")]
    [InlineData("\"alt_upper_ft\":5000", "\"alt_upper_ft\":-100", "alt_upper_ft", "above alt_lower_ft")]
    [InlineData("\"time_end\":\"2025-03-01T12:00:00Z\"", "\"time_end\":\"2025-03-01T08:00:00Z\"", "time_end", "after time_start")]
    [InlineData("\"time_end\":\"2025-03-01T12:00:00Z\"", "\"time_end\":\"2025-03-01T12:00:00+02:00\"", "time_end", "UTC")]
    [InlineData("\"time_start\":\"2025-03-01T08:00:00Z\"", "\"time_start\":\"2025-03-01T08:00:00\"", "time_start", "ISO 8601 UTC")]
    [InlineData("\"time_start\":\"2025-03-01T08:00:00Z\"", "\"time_start\":\"tomorrow\"", "time_start", "ISO 8601 UTC")]
    [InlineData("\"time_start\":\"2025-03-01T08:00:00Z\"", "\"time_start\":\"2025-02-30T08:00:00Z\"", "time_start", "ISO 8601 UTC")]
    [InlineData("\"state\":\"Accepted\"", "\"state\":\"Flying\"", "state", "unknown state")]
    [InlineData("\"state\":\"Accepted\"", "\"state\":\"1\"", "state", "unknown state")]
    [InlineData("\"state\":\"Accepted\"", "\"state\":\"Accepted, Ended\"", "state", "unknown state")]
    [InlineData("\"state\":\"Accepted\"", "\"state\":3", "state", "unknown state")]
    [InlineData("\"priority\":2", "\"priority\":1.5", "priority", "integer")]
    [InlineData("\"party\":\"p1\"", "\"party\":\"\"", "party", "non-empty")]
    [InlineData("\"intent_id\":\"i1\",", "", "intent_id", "missing")]
    [InlineData("\"alt_lower_ft\":0,", "", "alt_lower_ft", "missing")]
    public void Invalid_properties_are_rejected_naming_the_property(string good, string bad, string property, string problem)
    {
        var e = Rejected(Collection(Feature(Square), Feature(Square, Props.Replace(good, bad, StringComparison.Ordinal))));
        (e.FeatureIndex, e.Property).ShouldBe((1, property));
        e.Message.ShouldContain(problem);
    }

    [Fact]
    public void Times_may_carry_fractions_of_a_second_and_states_any_case()
    {
        var props = Props.Replace("2025-03-01T12:00:00Z", "2025-03-01T12:00:00.123456789Z", StringComparison.Ordinal).Replace("Accepted", "activated", StringComparison.Ordinal);
        var intent = IntentGeoJson.ReadCollection(Collection(Feature(Square, props))).Single();
        intent.State.ShouldBe(IntentState.Activated);
        intent.Volumes[0].TimeEnd.ShouldBe(T0.AddHours(4).AddTicks(1_234_567), TimeSpan.FromTicks(1));
    }

    [Fact]
    public void Volumes_of_one_intent_must_agree_on_party_state_and_priority()
    {
        Rejected(Collection(Feature(Square), Feature(Square, Props.Replace("\"p1\"", "\"p2\"", StringComparison.Ordinal)))).Property.ShouldBe("party");
        Rejected(Collection(Feature(Square), Feature(Square, Props.Replace("Accepted", "Activated", StringComparison.Ordinal)))).Property.ShouldBe("state");
        Rejected(Collection(Feature(Square), Feature(Square, Props.Replace("\"priority\":2", "\"priority\":3", StringComparison.Ordinal)))).Property.ShouldBe("priority");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"Feature\"}")]
    [InlineData("{\"type\":\"FeatureCollection\"}")]
    public void A_document_that_is_not_a_feature_collection_is_rejected(string json)
    {
        Rejected(json).FeatureIndex.ShouldBe(-1);
    }

    [Fact]
    public void A_put_body_takes_id_and_party_from_the_caller_and_state_and_priority_from_the_top()
    {
        var props = "\"alt_lower_ft\":0,\"alt_upper_ft\":5000,\"time_start\":\"2025-03-01T08:00:00Z\",\"time_end\":\"2025-03-01T12:00:00Z\"";
        var body = "{\"type\":\"FeatureCollection\",\"state\":\"Activated\",\"priority\":4,\"features\":[" + Feature(Square, props) + "]}";
        var intent = IntentGeoJson.ReadIntent(body, "op-7", "coalition");
        (intent.Id, intent.Party, intent.State, intent.Priority, intent.Volumes.Count).ShouldBe(("op-7", "coalition", IntentState.Activated, 4, 1));

        var defaults = IntentGeoJson.ReadIntent(Collection(Feature(Square, props)), "op-7", "coalition");
        (defaults.State, defaults.Priority).ShouldBe((IntentState.Accepted, 0));

        var other = Should.Throw<IntentFormatException>(() => IntentGeoJson.ReadIntent(Collection(Feature(Square, props + ",\"party\":\"ru-af\"")), "op-7", "coalition"));
        (other.FeatureIndex, other.Property).ShouldBe((0, "party"));
        Should.Throw<IntentFormatException>(() => IntentGeoJson.ReadIntent(Collection(Feature(Square, props + ",\"intent_id\":\"op-8\"")), "op-7", "coalition"))
            .Property.ShouldBe("intent_id");
        Should.Throw<IntentFormatException>(() => IntentGeoJson.ReadIntent("{\"type\":\"FeatureCollection\",\"state\":\"Bogus\",\"features\":[]}", "op-7", "coalition"))
            .Property.ShouldBe("state");
        Should.Throw<IntentFormatException>(() => IntentGeoJson.ReadIntent(Collection(), "op-7", "coalition"))
            .Property.ShouldBe("features");
    }
}
