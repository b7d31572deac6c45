using System.Buffers.Binary;

namespace Deconflict.Core.Asterix;

/// <summary>
/// Reads the ASTERIX recordings that surveillance engineers keep: libpcap captures (micro- or
/// nanosecond, either byte order), pcapng captures (section, interface and enhanced/simple packet
/// blocks), and raw files of concatenated data blocks. From captures it takes the UDP payloads
/// over IPv4 or IPv6 on Ethernet (with VLAN tags), Linux cooked (v1 and v2), BSD loopback or raw IP
/// links. Anything else (ARP, TCP, fragments, cut-off frames) is skipped and counted in
/// <see cref="Skipped"/>; a file cut off mid-packet ends where the damage starts.
/// </summary>
public sealed class CaptureFile
{
    private static readonly HashSet<int> s_categories = [1, 2, 4, 8, 10, 11, 19, 20, 21, 23, 25, 30, 32, 34, 48, 62, 63, 65, 247, 252];

    private readonly byte[] _bytes;

    public CaptureFile(byte[] bytes)
    {
        _bytes = bytes;
        Format = Detect(bytes);
    }

    public static CaptureFile Open(string path) => new(File.ReadAllBytes(path));

    public CaptureFormat Format { get; }

    /// <summary>Packets that were not UDP over IP, were cut off, or (raw files) bytes stepped over to find the next block.</summary>
    public long Skipped { get; private set; }

    public static CaptureFormat Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 24)
        {
            var magic = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
            if (magic is 0xA1B2C3D4 or 0xD4C3B2A1 or 0xA1B23C4D or 0x4D3CB2A1)
            {
                return CaptureFormat.Pcap;
            }
            if (magic == 0x0A0D0D0A)
            {
                return CaptureFormat.PcapNg;
            }
        }
        return CaptureFormat.Raw;
    }

    public IEnumerable<CapturedDatagram> Datagrams() => Format switch
    {
        CaptureFormat.Pcap => ReadPcap(),
        CaptureFormat.PcapNg => ReadPcapNg(),
        _ => ReadRaw(),
    };

    private IEnumerable<CapturedDatagram> ReadPcap()
    {
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(_bytes);
        var little = magic is 0xA1B2C3D4 or 0xA1B23C4D;
        var nanos = magic is 0xA1B23C4D or 0x4D3CB2A1;
        var link = (int)(U32(_bytes.AsSpan(20), little) & 0xFFFF);
        var pos = 24;
        while (pos + 16 <= _bytes.Length)
        {
            var header = _bytes.AsSpan(pos, 16);
            double t = U32(header, little) + (U32(header[4..], little) / (nanos ? 1e9 : 1e6));
            var captured = (int)U32(header[8..], little);
            pos += 16;
            if (captured < 0 || pos + captured > _bytes.Length)
            {
                Skipped++;
                yield break;
            }
            if (TryUdp(link, pos, captured, out var port, out var offset, out var length))
            {
                yield return new CapturedDatagram(t, port, _bytes.AsMemory(offset, length));
            }
            else
            {
                Skipped++;
            }
            pos += captured;
        }
    }

    private IEnumerable<CapturedDatagram> ReadPcapNg()
    {
        var pos = 0;
        var little = true;
        var links = new List<(int Link, double Resolution)>();
        while (pos + 12 <= _bytes.Length)
        {
            var type = U32(_bytes.AsSpan(pos), little);
            if (type == 0x0A0D0D0A)
            {
                little = BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(pos + 8)) == 0x1A2B3C4D;
                links.Clear();
            }
            var length = (int)U32(_bytes.AsSpan(pos + 4), little);
            if (length < 12 || pos + length > _bytes.Length)
            {
                Skipped++;
                yield break;
            }
            var body = _bytes.AsSpan(pos + 8, length - 12);
            if (type == 1 && body.Length >= 8)
            {
                links.Add((U16(body, little), InterfaceResolution(body[8..], little)));
            }
            else if (type == 6 && body.Length >= 20)
            {
                var iface = (int)U32(body, little);
                var ticks = ((ulong)U32(body[4..], little) << 32) | U32(body[8..], little);
                var captured = (int)U32(body[12..], little);
                if (iface < links.Count && captured >= 0 && 20 + captured <= body.Length
                    && TryUdp(links[iface].Link, pos + 8 + 20, captured, out var port, out var offset, out var n))
                {
                    yield return new CapturedDatagram(ticks * links[iface].Resolution, port, _bytes.AsMemory(offset, n));
                }
                else
                {
                    Skipped++;
                }
            }
            else if (type == 3 && body.Length >= 4 && links.Count > 0)
            {
                var captured = Math.Min((int)U32(body, little), body.Length - 4);
                if (TryUdp(links[0].Link, pos + 8 + 4, captured, out var port, out var offset, out var n))
                {
                    yield return new CapturedDatagram(double.NaN, port, _bytes.AsMemory(offset, n));
                }
                else
                {
                    Skipped++;
                }
            }
            pos += length;
        }
    }

    private static double InterfaceResolution(ReadOnlySpan<byte> options, bool little)
    {
        while (options.Length >= 4)
        {
            var code = U16(options, little);
            var n = U16(options[2..], little);
            if (code == 0 || 4 + n > options.Length)
            {
                break;
            }
            if (code == 9 && n >= 1)
            {
                var r = options[4];
                return (r & 0x80) != 0 ? Math.Pow(2, -(r & 0x7F)) : Math.Pow(10, -(r & 0x7F));
            }
            options = options[(4 + ((n + 3) & ~3))..];
        }
        return 1e-6;
    }

    private IEnumerable<CapturedDatagram> ReadRaw()
    {
        var pos = 0;
        while (pos < _bytes.Length)
        {
            var n = AsterixDecoder.BlockLength(_bytes.AsSpan(pos));
            if (n < 0 && _bytes.Length - pos < 3)
            {
                Skipped += _bytes.Length - pos;
                yield break;
            }
            if (n < 4 || !s_categories.Contains(_bytes[pos]))
            {
                // Not a block header: step one byte and look again, so garbage between blocks costs only itself.
                Skipped++;
                pos++;
                continue;
            }
            yield return new CapturedDatagram(double.NaN, 0, _bytes.AsMemory(pos, n));
            pos += n;
        }
    }

    private bool TryUdp(int link, int start, int length, out int port, out int offset, out int udpLength)
    {
        port = offset = udpLength = 0;
        var frame = _bytes.AsSpan(start, length);
        int ip;
        int etherType;
        switch (link)
        {
            case 1:
                if (frame.Length < 14)
                {
                    return false;
                }
                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
                ip = 14;
                while (etherType is 0x8100 or 0x88A8 && frame.Length >= ip + 4)
                {
                    etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[(ip + 2)..]);
                    ip += 4;
                }
                break;
            case 113:
                if (frame.Length < 16)
                {
                    return false;
                }
                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[14..]);
                ip = 16;
                break;
            case 276:
                if (frame.Length < 20)
                {
                    return false;
                }
                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame);
                ip = 20;
                break;
            case 0:
                ip = 4;
                etherType = frame.Length > 4 && frame[4] >> 4 == 6 ? 0x86DD : 0x0800;
                break;
            default:
                ip = 0;
                etherType = frame.Length > 0 && frame[0] >> 4 == 6 ? 0x86DD : 0x0800;
                break;
        }
        int udp;
        if (etherType == 0x0800)
        {
            if (frame.Length < ip + 20 || frame[ip] >> 4 != 4 || frame[ip + 9] != 17)
            {
                return false;
            }
            var flags = BinaryPrimitives.ReadUInt16BigEndian(frame[(ip + 6)..]);
            if ((flags & 0x3FFF) != 0)
            {
                return false; // a fragment: its UDP header is elsewhere or its payload incomplete
            }
            udp = ip + ((frame[ip] & 0x0F) * 4);
        }
        else if (etherType == 0x86DD)
        {
            if (frame.Length < ip + 40 || frame[ip + 6] != 17)
            {
                return false;
            }
            udp = ip + 40;
        }
        else
        {
            return false;
        }
        if (frame.Length < udp + 8)
        {
            return false;
        }
        port = BinaryPrimitives.ReadUInt16BigEndian(frame[(udp + 2)..]);
        var total = BinaryPrimitives.ReadUInt16BigEndian(frame[(udp + 4)..]);
        if (total < 8 || udp + total > frame.Length)
        {
            return false;
        }
        offset = start + udp + 8;
        udpLength = total - 8;
        return true;
    }

    private static uint U32(ReadOnlySpan<byte> b, bool little) => little ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadUInt32BigEndian(b);

    private static int U16(ReadOnlySpan<byte> b, bool little) => little ? BinaryPrimitives.ReadUInt16LittleEndian(b) : BinaryPrimitives.ReadUInt16BigEndian(b);
}
