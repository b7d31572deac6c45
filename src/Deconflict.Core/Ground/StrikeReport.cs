using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Ground;

/// <summary>A strike a party reports having made (or making) under one of its intents: where, when and how wide its effects reach.</summary>
public sealed record StrikeReport(string Id, string Party, string IntentId, GeoPoint Position, DateTimeOffset Time, double RadiusM)
{
    /// <summary>Effects radius when none is given: the point of impact itself.</summary>
    public const double DefaultRadiusM = 0;
}
