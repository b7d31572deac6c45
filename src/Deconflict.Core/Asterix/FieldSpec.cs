namespace Deconflict.Core.Asterix;

/// <summary>
/// The Field Specification that opens every record (and every compound item): octets of seven
/// presence bits each, the lowest bit (FX) saying whether another octet follows. Bit 8 of the
/// first octet is field reference number 1.
/// </summary>
public static class FieldSpec
{
    /// <summary>No category defines more than this many FSPEC octets; a longer run of FX bits is garbage.</summary>
    public const int MaxOctets = 8;

    /// <summary>Octets of the FSPEC at the start of <paramref name="data"/>, or -1 when it is cut off or too long.</summary>
    public static int Length(ReadOnlySpan<byte> data)
    {
        for (var i = 0; i < data.Length && i < MaxOctets; i++)
        {
            if ((data[i] & 1) == 0)
            {
                return i + 1;
            }
        }
        return -1;
    }

    /// <summary>Whether field reference number <paramref name="frn"/> (from 1) is present.</summary>
    public static bool Has(ReadOnlySpan<byte> fspec, int frn)
    {
        var octet = (frn - 1) / 7;
        var bit = (frn - 1) % 7;
        return octet < fspec.Length && (fspec[octet] & (0x80 >> bit)) != 0;
    }
}
