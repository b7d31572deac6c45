using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Deconflict.Hub.Access;

/// <summary>
/// The identity of any object the hub holds: its kind (<c>intent</c>, <c>site</c>, <c>movement</c>, <c>zone</c>,
/// <c>strike</c>, <c>track</c>), its owner party and the id the owner chose. Ids are unique only per owner and
/// kind, so visibility, conflicts, events and audit entries always name all three.
/// </summary>
public sealed record ObjectRef(string Kind, string Party, string Id)
{
    public const string Intent = "intent";
    public const string Site = "site";
    public const string Movement = "movement";
    public const string Zone = "zone";
    public const string Strike = "strike";
    public const string Track = "track";

    /// <summary>
    /// A key for a set of objects that no choice of ids can make collide: a hash of their canonical JSON
    /// (kind, party and id of each, in order), never a string to be split again.
    /// </summary>
    public static string KeyOf(string prefix, params ObjectRef[] refs)
    {
        ArgumentNullException.ThrowIfNull(refs);
        var canonical = JsonSerializer.Serialize(refs.Select(r => new[] { r.Kind, r.Party, r.Id }).ToArray());
        return prefix + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Ordinal order by id, then party, then kind (the order pairs are stored in).</summary>
    public static int Compare(ObjectRef? a, ObjectRef? b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var c = string.CompareOrdinal(a.Id, b.Id);
        c = c != 0 ? c : string.CompareOrdinal(a.Party, b.Party);
        return c != 0 ? c : string.CompareOrdinal(a.Kind, b.Kind);
    }
}
