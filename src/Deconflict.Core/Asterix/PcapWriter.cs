using System.Buffers.Binary;

namespace Deconflict.Core.Asterix;

/// <summary>
/// Writes UDP datagrams as a libpcap capture (microseconds, Ethernet, IPv4 from 127.0.0.1 to
/// 127.0.0.1), the form in which ASTERIX feeds are recorded and which Wireshark reads. Owns the stream.
/// </summary>
public sealed class PcapWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly int _port;
    private ushort _ipId;

    public PcapWriter(Stream stream, int port = 8600)
    {
        _stream = stream;
        _port = port;
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1);
        _stream.Write(header);
    }

    public void Write(double timeS, ReadOnlySpan<byte> payload)
    {
        var frameLength = 14 + 20 + 8 + payload.Length;
        var frame = new byte[16 + frameLength];
        var seconds = Math.Floor(timeS);
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)seconds);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), (uint)Math.Min(999_999, Math.Round((timeS - seconds) * 1e6)));
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), (uint)frameLength);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(12), (uint)frameLength);
        var e = frame.AsSpan(16);
        e[5] = 1;
        e[11] = 2;
        BinaryPrimitives.WriteUInt16BigEndian(e[12..], 0x0800);
        var ip = e[14..];
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + 8 + payload.Length));
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], _ipId++);
        ip[8] = 64;
        ip[9] = 17;
        ip[12] = ip[16] = 127;
        ip[15] = ip[19] = 1;
        uint sum = 0;
        for (var i = 0; i < 20; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(ip[i..]);
        }
        sum = (sum & 0xFFFF) + (sum >> 16);
        sum += sum >> 16;
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], (ushort)~sum);
        var udp = ip[20..];
        BinaryPrimitives.WriteUInt16BigEndian(udp, (ushort)_port);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], (ushort)_port);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)(8 + payload.Length));
        payload.CopyTo(udp[8..]);
        _stream.Write(frame);
    }

    public void Dispose() => _stream.Dispose();
}
