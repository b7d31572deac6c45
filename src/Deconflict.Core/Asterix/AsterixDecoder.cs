namespace Deconflict.Core.Asterix;

/// <summary>
/// Splits ASTERIX data blocks (CAT octet, 16-bit LEN counting the whole block, then records) and
/// decodes the records of CAT021, CAT048 and CAT062. A block of another category is stepped over;
/// a length that cannot be right ends the datagram (nothing after it can be framed); a record that
/// cannot be framed ends its block. Every such case is counted in <see cref="Stats"/>, never thrown.
/// Not thread-safe: one decoder per feed.
/// </summary>
public sealed class AsterixDecoder
{
    private readonly Cat021Decoder _cat021 = new();
    private readonly Cat048Decoder _cat048 = new();
    private readonly Cat062Decoder _cat062 = new();

    public AsterixStats Stats { get; } = new();

    /// <summary>Decodes every block of one datagram (or a buffer of whole blocks); appends one target per decoded record.</summary>
    public void Decode(ReadOnlySpan<byte> data, List<AsterixTarget> output)
    {
        Stats.CountDatagram();
        var pos = 0;
        while (pos < data.Length)
        {
            var n = BlockLength(data[pos..]);
            if (n < 0)
            {
                Stats.CountBadBlock();
                return;
            }
            DecodeBlock(data.Slice(pos, n), output);
            pos += n;
        }
    }

    /// <summary>The length of the block at the start of <paramref name="data"/>, or -1 when its header is cut off or impossible.</summary>
    public static int BlockLength(ReadOnlySpan<byte> data)
    {
        if (data.Length < 3)
        {
            return -1;
        }
        var n = Bits.U16(data[1..]);
        return n >= 3 && n <= data.Length ? n : -1;
    }

    /// <summary>Decodes one whole data block.</summary>
    public void DecodeBlock(ReadOnlySpan<byte> block, List<AsterixTarget> output)
    {
        CategoryDecoder? decoder = block[0] switch
        {
            21 => _cat021,
            48 => _cat048,
            62 => _cat062,
            _ => null,
        };
        if (decoder is null)
        {
            Stats.CountUnknownCategory();
            return;
        }
        Stats.CountBlock();
        var records = block[3..];
        while (!records.IsEmpty)
        {
            var target = new AsterixTarget { Category = decoder.Category };
            var n = decoder.DecodeRecord(records, ref target, Stats);
            if (n <= 0)
            {
                Stats.CountBadRecord();
                return;
            }
            Stats.CountRecord();
            Stats.CountTarget();
            output.Add(target);
            records = records[n..];
        }
    }
}
