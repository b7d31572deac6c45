namespace Deconflict.Core.Asterix;

/// <summary>
/// Reads the records of one category: the User Application Profile gives each field reference
/// number's layout, so every present item can be framed; <see cref="Interpret"/> reads the ones the
/// category decoder knows and the rest are stepped over. A record that cannot be framed ends its block.
/// </summary>
public abstract class CategoryDecoder
{
    /// <summary>Layouts by field reference number minus one; null where the UAP leaves the FRN spare.</summary>
    protected abstract ItemLayout?[] Uap { get; }

    public abstract int Category { get; }

    /// <summary>Whether the decoder reads item <paramref name="frn"/> (others are only framed).</summary>
    protected abstract bool Interprets(int frn);

    /// <summary>Reads one item into the target; false when its value is impossible (the item is then ignored and counted).</summary>
    protected abstract bool Interpret(int frn, ReadOnlySpan<byte> item, ref AsterixTarget target);

    /// <summary>Called before a record's items (to reset values that combine several items).</summary>
    protected virtual void BeginRecord()
    {
    }

    /// <summary>Called after a record's items (to combine them: a time from two items, a velocity from components).</summary>
    protected virtual void EndRecord(ref AsterixTarget target)
    {
    }

    /// <summary>
    /// Decodes the record at the start of <paramref name="data"/> into <paramref name="target"/>;
    /// returns its length, or -1 when it cannot be framed.
    /// </summary>
    public int DecodeRecord(ReadOnlySpan<byte> data, ref AsterixTarget target, AsterixStats stats)
    {
        var fspecLength = FieldSpec.Length(data);
        if (fspecLength < 0)
        {
            return -1;
        }
        var fspec = data[..fspecLength];
        var pos = fspecLength;
        var uap = Uap;
        var skipped = 0;
        BeginRecord();
        for (var octet = 0; octet < fspecLength; octet++)
        {
            var bits = fspec[octet];
            for (var bit = 0; bit < 7; bit++)
            {
                if ((bits & (0x80 >> bit)) == 0)
                {
                    continue;
                }
                var frn = (octet * 7) + bit + 1;
                if (frn > uap.Length || uap[frn - 1] is not { } layout)
                {
                    return -1;
                }
                var rest = data[pos..];
                var n = layout.Kind == ItemLayoutKind.Fixed ? (rest.Length >= layout.Size ? layout.Size : -1) : layout.LengthIn(rest);
                if (n < 0)
                {
                    return -1;
                }
                if (Interprets(frn))
                {
                    if (!Interpret(frn, rest[..n], ref target))
                    {
                        stats.CountBadItem();
                    }
                }
                else
                {
                    skipped++;
                }
                pos += n;
            }
        }
        if (skipped > 0)
        {
            stats.CountSkippedItems(skipped);
        }
        EndRecord(ref target);
        return pos;
    }

    /// <summary>The layout of field reference number <paramref name="frn"/> (tests and encoders check their framing against it).</summary>
    public ItemLayout? Layout(int frn) => frn >= 1 && frn <= Uap.Length ? Uap[frn - 1] : null;

    protected static bool InRange(double latDeg, double lonDeg) => latDeg is >= -90 and <= 90 && lonDeg is >= -180 and <= 180;
}
