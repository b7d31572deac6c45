using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Deconflict.Core.Audit;

/// <summary>
/// The canonical, versioned byte encoding of an audit entry and its SHA-256 hashes.
/// <para>
/// Version 1 hashes the concatenation of length-prefixed fields: each field is a 4-byte big-endian
/// byte count followed by that many UTF-8 bytes. The fields, in order: the tag
/// <c>deconflict.audit.v1</c>; the sequence in decimal; the time as
/// <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c> (UTC, microseconds); actor; action; object type; object id;
/// the number of visibility entries in decimal followed by each entry; the content hash (lowercase hex of
/// SHA-256 over the UTF-8 content JSON); the previous entry hash (lowercase hex; 64 zeros for the first entry).
/// Length prefixes make the encoding unambiguous whatever the fields contain, and any party can
/// re-implement it in a few lines to check the log without our code.
/// </para>
/// </summary>
public static class AuditEncoding
{
    public const string VersionTag = "deconflict.audit.v1";

    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Visibility entry meaning "every party".</summary>
    public const string Everyone = "*";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>Drops sub-microsecond ticks and converts to UTC, so the time survives every store and the text form exactly.</summary>
    public static DateTimeOffset NormalizeTime(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static bool TryParseTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    public static string ContentHash(string contentJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(contentJson)));

    /// <summary>The canonical bytes hashed into the entry hash (every field except the entry hash and signature).</summary>
    public static byte[] CanonicalBytes(long sequence, DateTimeOffset time, string actor, string action,
        string objectType, string objectId, IReadOnlyList<string> visibility, string contentHash, string previousHash)
    {
        using var buffer = new MemoryStream(256);
        Write(buffer, VersionTag);
        Write(buffer, sequence.ToString(CultureInfo.InvariantCulture));
        Write(buffer, FormatTime(time));
        Write(buffer, actor);
        Write(buffer, action);
        Write(buffer, objectType);
        Write(buffer, objectId);
        Write(buffer, visibility.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var party in visibility)
        {
            Write(buffer, party);
        }
        Write(buffer, contentHash);
        Write(buffer, previousHash);
        return buffer.ToArray();
    }

    public static string EntryHash(long sequence, DateTimeOffset time, string actor, string action,
        string objectType, string objectId, IReadOnlyList<string> visibility, string contentHash, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(
            CanonicalBytes(sequence, time, actor, action, objectType, objectId, visibility, contentHash, previousHash)));

    /// <summary>Recomputes the entry hash from the entry's own fields (ignores its stored hashes except the previous one).</summary>
    public static string EntryHash(AuditEntry entry) => EntryHash(entry.Sequence, entry.Time, entry.Actor, entry.Action,
        entry.ObjectType, entry.ObjectId, entry.Visibility, entry.ContentHash, entry.PreviousHash);

    /// <summary>A lowercase 64-digit hex SHA-256 value.</summary>
    public static bool IsHash(string? text)
    {
        if (text is null || text.Length != 64)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }
        return true;
    }

    private static void Write(MemoryStream buffer, string field)
    {
        var bytes = Encoding.UTF8.GetBytes(field);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
