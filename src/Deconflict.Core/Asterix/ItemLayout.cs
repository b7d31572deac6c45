namespace Deconflict.Core.Asterix;

/// <summary>How an item's length is found in the bytes, as the category specifications define it.</summary>
public enum ItemLayoutKind
{
    /// <summary>A fixed number of octets.</summary>
    Fixed,

    /// <summary>Parts of <see cref="ItemLayout.Size"/> octets, each ending in an FX bit (the last octet's lowest bit) that says whether another part follows.</summary>
    Extended,

    /// <summary>A repetition factor octet, then that many elements of <see cref="ItemLayout.Size"/> octets.</summary>
    Repetitive,

    /// <summary>A primary subfield (presence bits with FX, like a record's FSPEC), then the subfields present in order.</summary>
    Compound,

    /// <summary>A length octet that counts itself (Reserved Expansion and Special Purpose fields).</summary>
    Explicit,
}

/// <summary>
/// The framing of one data item: enough to find where it ends, so that a decoder can step over
/// every item it does not interpret and still reach the ones it does. A compound item's subfields
/// are layouts too (null for a spare presence bit).
/// </summary>
public sealed record ItemLayout(string Name, ItemLayoutKind Kind, int Size, IReadOnlyList<ItemLayout?>? Subfields = null)
{
    public static ItemLayout Fixed(string name, int octets) => new(name, ItemLayoutKind.Fixed, octets);

    public static ItemLayout Extended(string name, int partOctets = 1) => new(name, ItemLayoutKind.Extended, partOctets);

    public static ItemLayout Repetitive(string name, int elementOctets) => new(name, ItemLayoutKind.Repetitive, elementOctets);

    public static ItemLayout Compound(string name, params ItemLayout?[] subfields) => new(name, ItemLayoutKind.Compound, 0, subfields);

    public static ItemLayout Explicit(string name) => new(name, ItemLayoutKind.Explicit, 0);

    /// <summary>Compound subfields that are all single fixed-size elements (ages, accuracies).</summary>
    public static ItemLayout CompoundOfFixed(string name, params int[] octets) =>
        new(name, ItemLayoutKind.Compound, 0, [.. octets.Select((n, i) => n > 0 ? Fixed($"{name}#{i + 1}", n) : null)]);

    /// <summary>
    /// The item's length in octets at the start of <paramref name="data"/>, or -1 when the bytes
    /// end inside it or contradict the layout (a zero explicit length, a presence bit for a subfield
    /// the specification leaves spare).
    /// </summary>
    public int LengthIn(ReadOnlySpan<byte> data)
    {
        switch (Kind)
        {
            case ItemLayoutKind.Fixed:
                return data.Length >= Size ? Size : -1;
            case ItemLayoutKind.Extended:
                {
                    var n = 0;
                    while (true)
                    {
                        n += Size;
                        if (n > data.Length)
                        {
                            return -1;
                        }
                        if ((data[n - 1] & 1) == 0)
                        {
                            return n;
                        }
                    }
                }
            case ItemLayoutKind.Repetitive:
                {
                    if (data.IsEmpty)
                    {
                        return -1;
                    }
                    var n = 1 + (data[0] * Size);
                    return n <= data.Length ? n : -1;
                }
            case ItemLayoutKind.Explicit:
                return data.IsEmpty || data[0] == 0 || data[0] > data.Length ? -1 : data[0];
            default:
                return CompoundLength(data);
        }
    }

    /// <summary>
    /// The bytes of subfield <paramref name="index"/> (from 0) of this compound item, framed by
    /// <see cref="LengthIn"/> before; false when the item does not carry it.
    /// </summary>
    public bool TrySubfield(ReadOnlySpan<byte> item, int index, out ReadOnlySpan<byte> subfield)
    {
        subfield = default;
        var subfields = Subfields!;
        var primary = FieldSpec.Length(item);
        if (primary < 0)
        {
            return false;
        }
        var pos = primary;
        for (var octet = 0; octet < primary; octet++)
        {
            for (var bit = 0; bit < 7; bit++)
            {
                if ((item[octet] & (0x80 >> bit)) == 0)
                {
                    continue;
                }
                var i = (octet * 7) + bit;
                if (i >= subfields.Count || subfields[i] is not { } sub)
                {
                    return false;
                }
                var n = sub.LengthIn(item[pos..]);
                if (n < 0)
                {
                    return false;
                }
                if (i == index)
                {
                    subfield = item.Slice(pos, n);
                    return true;
                }
                pos += n;
            }
        }
        return false;
    }

    private int CompoundLength(ReadOnlySpan<byte> data)
    {
        var subfields = Subfields!;
        var primary = FieldSpec.Length(data);
        if (primary < 0)
        {
            return -1;
        }
        var pos = primary;
        for (var octet = 0; octet < primary; octet++)
        {
            for (var bit = 0; bit < 7; bit++)
            {
                if ((data[octet] & (0x80 >> bit)) == 0)
                {
                    continue;
                }
                var index = (octet * 7) + bit;
                if (index >= subfields.Count || subfields[index] is not { } sub)
                {
                    return -1;
                }
                var n = sub.LengthIn(data[pos..]);
                if (n < 0)
                {
                    return -1;
                }
                pos += n;
            }
        }
        return pos;
    }
}
