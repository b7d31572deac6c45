using static Deconflict.Core.Hotline.HotlineParameterType;

namespace Deconflict.Core.Hotline;

/// <summary>
/// The fixed set of message templates (after the deconfliction-line practice: explicit requests, and explicit
/// WILCO/UNABLE/ACKNOWLEDGE answers). Requests and warnings need an acknowledgement; answers do not, and an answer
/// naming the message it replies to (<c>reply_to</c>) acknowledges it.
/// </summary>
public static class HotlineTemplates
{
    public const string TrafficAlert = "TRAFFIC_ALERT";
    public const string RequestAltitudeChange = "REQUEST_ALTITUDE_CHANGE";
    public const string RequestHeadingChange = "REQUEST_HEADING_CHANGE";
    public const string RequestHold = "REQUEST_HOLD";
    public const string IntentWillChange = "INTENT_WILL_CHANGE";
    public const string AreaActive = "AREA_ACTIVE";
    public const string Unable = "UNABLE";
    public const string Wilco = "WILCO";
    public const string Acknowledge = "ACKNOWLEDGE";
    public const string Cancel = "CANCEL";
    public const string FreeText = "FREE_TEXT";

    private static HotlineParameter Req(string name, HotlineParameterType type) => new(name, type, true);

    private static HotlineParameter Opt(string name, HotlineParameterType type) => new(name, type, false);

    public static IReadOnlyList<HotlineTemplate> All { get; } =
    [
        new(TrafficAlert, true, [Req("position", Position), Opt("flight_level", FlightLevel), Opt("time", UtcTime), Opt("track_id", TrackId), Opt("intent_id", IntentId)]),
        new(RequestAltitudeChange, true, [Req("flight_level", FlightLevel), Opt("time", UtcTime), Opt("track_id", TrackId), Opt("intent_id", IntentId)]),
        new(RequestHeadingChange, true, [Req("heading_deg", Heading), Opt("time", UtcTime), Opt("track_id", TrackId), Opt("intent_id", IntentId)]),
        new(RequestHold, true, [Req("position", Position), Req("duration", Duration), Opt("flight_level", FlightLevel), Opt("track_id", TrackId), Opt("intent_id", IntentId)]),
        new(IntentWillChange, true, [Req("intent_id", IntentId), Req("time", UtcTime)]),
        new(AreaActive, true, [Req("position", Position), Req("radius_nm", DistanceNm), Req("lower_fl", FlightLevel), Req("upper_fl", FlightLevel), Req("start", UtcTime), Req("end", UtcTime)]),
        new(Unable, false, [Opt("reply_to", MessageId), Opt("reason", Text)]),
        new(Wilco, false, [Opt("reply_to", MessageId)]),
        new(Acknowledge, false, [Opt("reply_to", MessageId)]),
        new(Cancel, true, [Opt("reply_to", MessageId), Opt("intent_id", IntentId)]),
        new(FreeText, false, [Req("text", Text)]),
    ];

    /// <summary>Answers: naming a message in <c>reply_to</c> acknowledges it.</summary>
    public static bool IsAnswer(string templateId) => templateId is Unable or Wilco or Acknowledge;

    public static HotlineTemplate? Find(string? id) => All.FirstOrDefault(t => t.Id == id);
}
