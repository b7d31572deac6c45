using System.Buffers.Binary;

namespace Deconflict.Core.Asterix;

/// <summary>Big-endian fields of ASTERIX items: unsigned and two's complement integers of 8 to 32 bits.</summary>
internal static class Bits
{
    public static int U16(ReadOnlySpan<byte> b) => BinaryPrimitives.ReadUInt16BigEndian(b);

    public static int S16(ReadOnlySpan<byte> b) => BinaryPrimitives.ReadInt16BigEndian(b);

    public static int U24(ReadOnlySpan<byte> b) => (b[0] << 16) | (b[1] << 8) | b[2];

    public static int S24(ReadOnlySpan<byte> b) => (U24(b) << 8) >> 8;

    public static int S32(ReadOnlySpan<byte> b) => BinaryPrimitives.ReadInt32BigEndian(b);

    /// <summary>The low <paramref name="bits"/> bits of <paramref name="value"/> as two's complement.</summary>
    public static int Signed(int value, int bits) => (value << (32 - bits)) >> (32 - bits);

    public static void PutU16(Span<byte> b, int v) => BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)v);

    public static void PutU24(Span<byte> b, int v)
    {
        b[0] = (byte)(v >> 16);
        b[1] = (byte)(v >> 8);
        b[2] = (byte)v;
    }

    public static void PutS32(Span<byte> b, int v) => BinaryPrimitives.WriteInt32BigEndian(b, v);
}
