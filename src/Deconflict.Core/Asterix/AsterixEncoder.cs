using System.Globalization;
using Deconflict.Core.Surveillance;

namespace Deconflict.Core.Asterix;

/// <summary>
/// Writes position reports as ASTERIX records of one category, packed into data blocks of at most
/// <see cref="MaxBlockOctets"/> (one UDP datagram each): CAT021 as an ADS-B ground station would
/// (time of applicability, high-resolution position, flight level, barometric vertical rate,
/// airborne ground vector, address, identification), CAT062 as a tracker would (time of track,
/// WGS-84 position, Cartesian velocity, measured flight level, rate of climb, track number,
/// Mode S address and identification), CAT048 as a Mode S radar at <see cref="Radar"/> would
/// (time of day, polar position, flight level, address, identification, track number and
/// velocity). Values are quantised to each item's resolution. Used to turn recordings into ASTERIX
/// feeds for tests, demonstrations and benchmarks.
/// </summary>
public sealed class AsterixEncoder
{
    private readonly Dictionary<string, int> _trackNumbers = new(StringComparer.Ordinal);
    private readonly byte[] _block;
    private int _length;

    public AsterixEncoder(int category, int sac = 0, int sic = 1, RadarSite? radar = null, int maxBlockOctets = 1400)
    {
        if (category is not (21 or 48 or 62))
        {
            throw new ArgumentOutOfRangeException(nameof(category), "CAT021, CAT048 or CAT062");
        }
        if (category == 48 && radar is null)
        {
            throw new ArgumentException("CAT048 needs the radar's position", nameof(radar));
        }
        Category = category;
        Sac = sac;
        Sic = sic;
        Radar = radar;
        MaxBlockOctets = Math.Clamp(maxBlockOctets, 64, 65535);
        _block = new byte[MaxBlockOctets];
    }

    public int Category { get; }

    public int Sac { get; }

    public int Sic { get; }

    public RadarSite? Radar { get; }

    public int MaxBlockOctets { get; }

    /// <summary>Adds a report; when the current block is full it is handed to <paramref name="blockDone"/> first.</summary>
    public void Add(in PositionReport r, Action<ReadOnlyMemory<byte>> blockDone)
    {
        Span<byte> record = stackalloc byte[96];
        var n = Category switch
        {
            21 => Write021(r, record),
            62 => Write062(r, record),
            _ => Write048(r, record),
        };
        if (_length > 0 && _length + n > MaxBlockOctets)
        {
            Flush(blockDone);
        }
        if (_length == 0)
        {
            _block[0] = (byte)Category;
            _length = 3;
        }
        record[..n].CopyTo(_block.AsSpan(_length));
        _length += n;
    }

    /// <summary>Hands the current block, if any, to <paramref name="blockDone"/>.</summary>
    public void Flush(Action<ReadOnlyMemory<byte>> blockDone)
    {
        if (_length <= 3)
        {
            return;
        }
        Bits.PutU16(_block.AsSpan(1), _length);
        blockDone(_block.AsSpan(0, _length).ToArray());
        _length = 0;
    }

    private int TrackNumber(string id)
    {
        if (!_trackNumbers.TryGetValue(id, out var n))
        {
            n = (_trackNumbers.Count % 4095) + 1;
            _trackNumbers[id] = n;
        }
        return n;
    }

    private static int Address(string id) =>
        id.Length == 6 && int.TryParse(id, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var a) ? a : -1;

    private static int TimeOfDay128(double timeS)
    {
        var tod = timeS - (Math.Floor(timeS / 86400) * 86400);
        return (int)Math.Round(tod * 128) % (86400 * 128);
    }

    private static int Round(double v) => (int)Math.Round(v, MidpointRounding.AwayFromZero);

    private int Write021(in PositionReport r, Span<byte> b)
    {
        var address = Address(r.Id);
        Span<byte> fspec = stackalloc byte[5];
        var pos = 5;
        var w = b;
        void Set(Span<byte> f, int frn) => f[(frn - 1) / 7] |= (byte)(0x80 >> ((frn - 1) % 7));
        Set(fspec, 1);
        w[pos++] = (byte)Sac;
        w[pos++] = (byte)Sic;
        Set(fspec, 2);
        w[pos++] = (byte)(address >= 0 ? 0x00 : 0x60); // ATP 0 = ICAO address, 3 = anonymous
        Set(fspec, 5);
        Bits.PutU24(w[pos..], TimeOfDay128(r.TimeS));
        pos += 3;
        Set(fspec, 7);
        Bits.PutS32(w[pos..], Round(r.LatDeg * (1 << 30) / 180.0));
        Bits.PutS32(w[(pos + 4)..], Round(r.LonDeg * (1 << 30) / 180.0));
        pos += 8;
        if (address >= 0)
        {
            Set(fspec, 11);
            Bits.PutU24(w[pos..], address);
            pos += 3;
        }
        if (!double.IsNaN(r.AltFt))
        {
            Set(fspec, 21);
            Bits.PutU16(w[pos..], Round(r.AltFt / 25.0) & 0xFFFF);
            pos += 2;
        }
        if (!double.IsNaN(r.VsFpm))
        {
            Set(fspec, 24);
            Bits.PutU16(w[pos..], Round(r.VsFpm / 6.25) & 0x7FFF);
            pos += 2;
        }
        if (!double.IsNaN(r.GsKt) && !double.IsNaN(r.TrkDeg))
        {
            Set(fspec, 26);
            Bits.PutU16(w[pos..], Math.Min(0x7FFF, Round(r.GsKt / 3600 * (1 << 14))));
            Bits.PutU16(w[(pos + 2)..], Round(r.TrkDeg / 360 * 65536) & 0xFFFF);
            pos += 4;
        }
        if (r.Callsign is { Length: > 0 })
        {
            Set(fspec, 29);
            IcaoCharacters.Encode(r.Callsign, w[pos..]);
            pos += 6;
        }
        return Pack(fspec, b, pos);
    }

    private int Write062(in PositionReport r, Span<byte> b)
    {
        var address = Address(r.Id);
        Span<byte> fspec = stackalloc byte[5];
        var pos = 5;
        void Set(Span<byte> f, int frn) => f[(frn - 1) / 7] |= (byte)(0x80 >> ((frn - 1) % 7));
        Set(fspec, 1);
        b[pos++] = (byte)Sac;
        b[pos++] = (byte)Sic;
        Set(fspec, 4);
        Bits.PutU24(b[pos..], TimeOfDay128(r.TimeS));
        pos += 3;
        Set(fspec, 5);
        Bits.PutS32(b[pos..], Round(r.LatDeg * (1 << 25) / 180.0));
        Bits.PutS32(b[(pos + 4)..], Round(r.LonDeg * (1 << 25) / 180.0));
        pos += 8;
        if (!double.IsNaN(r.GsKt) && !double.IsNaN(r.TrkDeg))
        {
            Set(fspec, 7);
            var v = r.GsKt * 1852 / 3600;
            var a = r.TrkDeg * Math.PI / 180;
            Bits.PutU16(b[pos..], Round(v * Math.Sin(a) * 4) & 0xFFFF);
            Bits.PutU16(b[(pos + 2)..], Round(v * Math.Cos(a) * 4) & 0xFFFF);
            pos += 4;
        }
        if (address >= 0 || r.Callsign is { Length: > 0 })
        {
            Set(fspec, 11);
            b[pos++] = (byte)((address >= 0 ? 0x80 : 0) | (r.Callsign is { Length: > 0 } ? 0x40 : 0));
            if (address >= 0)
            {
                Bits.PutU24(b[pos..], address);
                pos += 3;
            }
            if (r.Callsign is { Length: > 0 })
            {
                IcaoCharacters.Encode(r.Callsign, b[pos..]);
                pos += 6;
            }
        }
        Set(fspec, 12);
        Bits.PutU16(b[pos..], TrackNumber(r.Id));
        pos += 2;
        Set(fspec, 13);
        b[pos++] = 0x00; // multisensor, confirmed
        if (!double.IsNaN(r.AltFt))
        {
            Set(fspec, 17);
            Bits.PutU16(b[pos..], Round(r.AltFt / 25.0) & 0xFFFF);
            pos += 2;
        }
        if (!double.IsNaN(r.VsFpm))
        {
            Set(fspec, 20);
            Bits.PutU16(b[pos..], Round(r.VsFpm / 6.25) & 0xFFFF);
            pos += 2;
        }
        return Pack(fspec, b, pos);
    }

    private int Write048(in PositionReport r, Span<byte> b)
    {
        var address = Address(r.Id);
        Span<byte> fspec = stackalloc byte[5];
        var pos = 5;
        void Set(Span<byte> f, int frn) => f[(frn - 1) / 7] |= (byte)(0x80 >> ((frn - 1) % 7));
        Set(fspec, 1);
        b[pos++] = (byte)Sac;
        b[pos++] = (byte)Sic;
        Set(fspec, 2);
        Bits.PutU24(b[pos..], TimeOfDay128(r.TimeS));
        pos += 3;
        Set(fspec, 3);
        b[pos++] = 0xA0; // TYP 5: single Mode S roll-call
        Set(fspec, 4);
        var (rho, theta) = Radar!.Value.ToPolar(r.LatDeg, r.LonDeg, r.AltFt);
        Bits.PutU16(b[pos..], Math.Min(0xFFFF, Round(rho * 256)));
        Bits.PutU16(b[(pos + 2)..], Round(theta / 360 * 65536) & 0xFFFF);
        pos += 4;
        if (!double.IsNaN(r.AltFt))
        {
            Set(fspec, 6);
            Bits.PutU16(b[pos..], Round(r.AltFt / 25.0) & 0x3FFF);
            pos += 2;
        }
        if (address >= 0)
        {
            Set(fspec, 8);
            Bits.PutU24(b[pos..], address);
            pos += 3;
        }
        if (r.Callsign is { Length: > 0 })
        {
            Set(fspec, 9);
            IcaoCharacters.Encode(r.Callsign, b[pos..]);
            pos += 6;
        }
        Set(fspec, 11);
        Bits.PutU16(b[pos..], TrackNumber(r.Id));
        pos += 2;
        if (!double.IsNaN(r.GsKt) && !double.IsNaN(r.TrkDeg))
        {
            Set(fspec, 13);
            Bits.PutU16(b[pos..], Math.Min(0xFFFF, Round(r.GsKt / 3600 * (1 << 14))));
            Bits.PutU16(b[(pos + 2)..], Round(r.TrkDeg / 360 * 65536) & 0xFFFF);
            pos += 4;
        }
        Set(fspec, 14);
        b[pos++] = 0x00; // confirmed track
        return Pack(fspec, b, pos);
    }

    /// <summary>Moves the items up behind the shortest FSPEC that holds the presence bits set, with FX bits.</summary>
    private static int Pack(Span<byte> fspec, Span<byte> b, int end)
    {
        var octets = fspec.Length;
        while (octets > 1 && fspec[octets - 1] == 0)
        {
            octets--;
        }
        for (var i = 0; i < octets - 1; i++)
        {
            fspec[i] |= 1;
        }
        var shift = fspec.Length - octets;
        b[fspec.Length..end].CopyTo(b[octets..]);
        fspec[..octets].CopyTo(b);
        return end - shift;
    }
}
