using Deconflict.Core.Hotline;

namespace Deconflict.Core.Tests.Hotline;

public class HotlineMessageParserTests
{
    [Fact]
    public void Values_are_normalised()
    {
        var m = HotlineSamples.Parse(HotlineTemplates.AreaActive,
            """{"position":"37SDU2708684425","radius_nm":5,"lower_fl":"FL100","upper_fl":200,"start":"2026-03-01T15:00:00+03:00","end":"2026-03-01T13:00:00Z"}""").Message!;
        m.ParametersJson().ShouldBe("""{"position":{"lat_deg":35.1000001,"lon_deg":38.1999968},"radius_nm":5,"lower_fl":100,"upper_fl":200,"start":"2026-03-01T12:00:00Z","end":"2026-03-01T13:00:00Z"}""");
        m.NeedsAck.ShouldBeTrue();
    }

    [Fact]
    public void Stored_messages_load_back_identically()
    {
        foreach (var template in HotlineTemplates.All)
        {
            var m = HotlineSamples.Full(template, "remark");
            var loaded = HotlineMessageParser.Load(template.Id, m.ParametersJson(), m.Remark);
            loaded.ParametersJson().ShouldBe(m.ParametersJson());
            loaded.Remark.ShouldBe(m.Remark);
        }
    }

    [Theory]
    [InlineData("REQUEST_ALTITUDE_CHANGE", """{"flight_level":700}""", "params.flight_level", "outside")]
    [InlineData("REQUEST_ALTITUDE_CHANGE", """{"flight_level":"high"}""", "params.flight_level", "flight level")]
    [InlineData("REQUEST_ALTITUDE_CHANGE", "{}", "params.flight_level", "required")]
    [InlineData("REQUEST_ALTITUDE_CHANGE", """{"flight_level":300,"altitude":3}""", "params.altitude", "no parameter")]
    [InlineData("TRAFFIC_ALERT", """{"position":{"lat_deg":95,"lon_deg":0}}""", "params.position", "-90..90")]
    [InlineData("TRAFFIC_ALERT", """{"position":"99ZZZ"}""", "params.position", "MGRS")]
    [InlineData("TRAFFIC_ALERT", """{"position":{"lat_deg":1,"lon_deg":2},"time":"2026-03-01T12:00:00"}""", "params.time", "zone")]
    [InlineData("REQUEST_HOLD", """{"position":{"lat_deg":1,"lon_deg":2},"duration":0}""", "params.duration", "duration")]
    [InlineData("AREA_ACTIVE", """{"position":{"lat_deg":1,"lon_deg":2},"radius_nm":5,"lower_fl":200,"upper_fl":100,"start":"2026-03-01T12:00:00Z","end":"2026-03-01T13:00:00Z"}""", "params.upper_fl", "below")]
    [InlineData("AREA_ACTIVE", """{"position":{"lat_deg":1,"lon_deg":2},"radius_nm":5,"lower_fl":100,"upper_fl":200,"start":"2026-03-01T12:00:00Z","end":"2026-03-01T12:00:00Z"}""", "params.end", "after")]
    [InlineData("INTENT_WILL_CHANGE", """{"intent_id":"a b","time":"2026-03-01T12:00:00Z"}""", "params.intent_id", "id of")]
    [InlineData("FREE_TEXT", "{}", "params.text", "required")]
    [InlineData("SAY_AGAIN", "{}", "template", "unknown template")]
    public void Invalid_messages_name_the_parameter_at_fault(string template, string json, string field, string problem)
    {
        var result = HotlineSamples.Parse(template, json);
        result.IsValid.ShouldBeFalse();
        result.Errors.Keys.ShouldContain(field);
        string.Join(" ", result.Errors[field]).ShouldContain(problem);
    }

    [Fact]
    public void Free_text_with_control_characters_is_refused()
    {
        HotlineSamples.Parse(HotlineTemplates.FreeText, "{}", "bell\u0007").Errors.Keys.ShouldContain("text");
        HotlineSamples.Parse(HotlineTemplates.Wilco, "{}", "   ").Errors.Keys.ShouldContain("text");
    }

    [Fact]
    public void Requests_need_an_acknowledgement_and_answers_do_not()
    {
        foreach (var id in new[] { "TRAFFIC_ALERT", "REQUEST_ALTITUDE_CHANGE", "REQUEST_HOLD", "INTENT_WILL_CHANGE", "AREA_ACTIVE", "CANCEL" })
        {
            HotlineTemplates.Find(id)!.NeedsAck.ShouldBeTrue(id);
        }
        foreach (var id in new[] { "UNABLE", "WILCO", "ACKNOWLEDGE", "FREE_TEXT" })
        {
            HotlineTemplates.Find(id)!.NeedsAck.ShouldBeFalse(id);
        }
        HotlineSamples.Parse(HotlineTemplates.Wilco, """{"reply_to":"MSG-3"}""").Message!.ReplyTo.ShouldBe("MSG-3");
    }
}
