using System.ComponentModel;
using System.Text.Json;
using Deconflict.Core.Strategic;

namespace Deconflict.Hub.Intents;

/// <summary>
/// An alternative as its party reads it: only the move and the moved intent, never anything of the intents that
/// refused the smaller moves (what a 409 on the variant one step less would have said, and no more).
/// </summary>
public sealed record IntentAlternativeView(
    [property: Description("delay, advance, above, below, left or right: the name to accept it by.")] string Id,
    [property: Description("time, band or lateral.")] string Change,
    [property: Description("later, earlier, up, down, left or right (lateral: of each corridor's path, first position to last).")] string Direction,
    [property: Description("k: the move is k grid steps; k − 1 steps is not conflict-free.")] int Steps,
    [property: Description("Seconds added to every window (negative: earlier).")] double ShiftS,
    [property: Description("Feet added to every band (negative: lower).")] double ShiftFt,
    [property: Description("Metres every corridor moved sideways, to the side named by direction.")] double ShiftM,
    [property: Description("left or right for a lateral move, else null.")] string? Side,
    double AltLowerFt,
    double AltUpperFt,
    DateTimeOffset TimeStart,
    DateTimeOffset TimeEnd,
    [property: Description("The moved intent as a GeoJSON FeatureCollection, ready to PUT.")] JsonElement Intent)
{
    public static IntentAlternativeView Of(StrategicAlternative a, string geojson)
    {
        ArgumentNullException.ThrowIfNull(a);
        var (id, change, direction) = Names(a.Kind);
        var v = a.Intent.Volumes;
        using var doc = JsonDocument.Parse(geojson);
        return new IntentAlternativeView(id, change, direction, a.Steps, a.ShiftS, a.ShiftFt, a.ShiftM, change == "lateral" ? direction : null,
            v.Min(x => x.AltLowerFt), v.Max(x => x.AltUpperFt), v.Min(x => x.TimeStart), v.Max(x => x.TimeEnd), doc.RootElement.Clone());
    }

    public static (string Id, string Change, string Direction) Names(AlternativeKind kind) => kind switch
    {
        AlternativeKind.Delay => ("delay", "time", "later"),
        AlternativeKind.Advance => ("advance", "time", "earlier"),
        AlternativeKind.Above => ("above", "band", "up"),
        AlternativeKind.Below => ("below", "band", "down"),
        AlternativeKind.Left => ("left", "lateral", "left"),
        _ => ("right", "lateral", "right"),
    };

    /// <summary>Every name an alternative may have.</summary>
    public static IReadOnlyList<string> AllIds { get; } = [.. Enum.GetValues<AlternativeKind>().Select(k => Names(k).Id)];
}

/// <summary>Reply of <c>POST /api/v1/intents/{id}/alternatives</c>: whether the intent is refused as it is, and its alternatives.</summary>
public sealed record IntentAlternatives(string Id, string Party, bool Blocked, int Conflicts, IReadOnlyList<IntentAlternativeView> Alternatives);

/// <summary>Body of <c>POST /api/v1/intents/{id}/alternatives/accept</c>.</summary>
public sealed record AlternativeChoice([property: Description("The id of an offered alternative: delay, advance, above, below, left or right.")] string? Alternative);
