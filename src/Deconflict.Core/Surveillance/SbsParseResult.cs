namespace Deconflict.Core.Surveillance;

/// <summary>What <see cref="SbsLineParser"/> made of one line.</summary>
public enum SbsParseResult
{
    /// <summary>An MSG,1, MSG,3 or MSG,4 line with valid fields.</summary>
    Message,

    /// <summary>A well-formed line of a type that carries nothing used here (MSG,2/5/6/7/8, SEL, ID, AIR, STA, CLK).</summary>
    Ignored,

    /// <summary>Too few fields, a bad address, an unparsable or impossible number, or non-ASCII bytes.</summary>
    Malformed,
}
