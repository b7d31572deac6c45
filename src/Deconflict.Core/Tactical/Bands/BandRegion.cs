namespace Deconflict.Core.Tactical.Bands;

/// <summary>What flying a value of a band leads to (DAIDALUS <c>BandsRegion</c> names in the CSV).</summary>
public enum BandRegion
{
    /// <summary>Conflict-free within the look-ahead (<c>NONE</c>).</summary>
    None,

    /// <summary>A loss of separation within the look-ahead (<c>NEAR</c>).</summary>
    Near,

    /// <summary>
    /// No value is conflict-free, and these are the values that regain separation soonest while keeping
    /// clear of a (possibly shrunken) recovery cylinder meanwhile (<c>RECOVERY</c>).
    /// </summary>
    Recovery,
}
