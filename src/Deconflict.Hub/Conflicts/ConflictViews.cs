using System.Text.Json;
using System.Text.Json.Nodes;
using Deconflict.Hub.Access;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Conflicts;

/// <summary>
/// Builds every view of a conflict by asking what its reader may learn: a party is told of every conflict it is part
/// of (kind, parties, level, times), an object's id only when the object's owner shares something with it, and the
/// detail (overlap window and band, loss-of-separation position, distances) only when every other party does. A
/// tactical detail's guidance bands (<c>bands</c>, one entry per aircraft) are narrowed on their own: a reader gets
/// its own aircraft's bands (its guidance, even when the rest of the detail is withheld) and another party's only when
/// that party shares <c>full</c> with it.
/// </summary>
public static class ConflictViews
{
    /// <summary>The conflict as <paramref name="reader"/> (one of its parties) sees it.</summary>
    public static ConflictView For(ConflictRecord c, string reader, AgreementBook book)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(book);
        return Build(c, r => MayName(book, r.Party, reader), DetailShared(c, reader, book), owner => BandsShared(book, owner, reader));
    }

    /// <summary>
    /// What every party of the conflict may learn (for records all of them read, such as the audit entry): an id
    /// only when every party may be told it, the detail only when every party may see it.
    /// </summary>
    public static ConflictView Common(ConflictRecord c, AgreementBook book)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(book);
        return Build(c, r => c.Parties.All(p => MayName(book, r.Party, p)), c.Parties.All(p => DetailShared(c, p, book)),
            owner => c.Parties.All(p => BandsShared(book, owner, p)));
    }

    /// <summary>Every object named, no detail: the form stored with a conflict event, narrowed for each reader by <see cref="Narrow"/>.</summary>
    public static ConflictView Full(ConflictRecord c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Build(c, _ => true, false, _ => false);
    }

    /// <summary>Narrows a stored <see cref="Full"/> view to what <paramref name="reader"/> may learn.</summary>
    public static ConflictView Narrow(ConflictView full, string reader, AgreementBook book)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(book);
        var refs = full.ObjectRefs.Select(r => MayName(book, r.Party, reader) ? r : r with { Id = null }).ToList();
        return full with { ObjectRefs = refs, Objects = [.. refs.Where(r => r.Id is not null).Select(r => r.Id!)], Detail = null };
    }

    private static bool MayName(AgreementBook book, string owner, string reader) =>
        owner == reader || book.SharingOf(owner, reader) != Sharing.None;

    private static bool DetailShared(ConflictRecord c, string reader, AgreementBook book) =>
        c.Parties.All(p => MayName(book, p, reader)) && c.Objects.All(o => MayName(book, o.Party, reader));

    /// <summary>Whether a reader may learn the guidance bands of an owner's aircraft.</summary>
    private static bool BandsShared(AgreementBook book, string owner, string reader) =>
        reader.Length > 0 && (owner == reader || book.SharingOf(owner, reader) == Sharing.Full);

    private static ConflictView Build(ConflictRecord c, Func<ObjectRef, bool> named, bool withDetail, Func<string, bool> bandsOf)
    {
        var refs = c.Objects.Select(o => new ObjectRefView(o.Kind, o.Party, named(o) ? o.Id : null)).ToList();
        var detail = Detail(c.DetailJson, withDetail, bandsOf);
        return new ConflictView(c.Id, c.Kind, c.Parties, [.. refs.Where(r => r.Id is not null).Select(r => r.Id!)], refs,
            c.Level, c.Status, c.DetectedAt, c.UpdatedAt, c.ClearedAt, detail);
    }

    /// <summary>
    /// The detail a reader is given: all of it (with <c>bands</c> narrowed) when <paramref name="whole"/>, else only the
    /// bands it may learn, else nothing.
    /// </summary>
    private static JsonElement? Detail(string json, bool whole, Func<string, bool> bandsOf)
    {
        if (!whole && !json.Contains("\"bands\":[", StringComparison.Ordinal))
        {
            return null;
        }
        if (JsonNode.Parse(json) is not JsonObject node || node["bands"] is not JsonArray bands)
        {
            return whole ? JsonDocument.Parse(json).RootElement.Clone() : null;
        }
        var visible = new JsonArray();
        foreach (var entry in bands)
        {
            if (entry is JsonObject aircraft && aircraft["party"] is JsonValue party && party.TryGetValue<string>(out var owner) && bandsOf(owner))
            {
                visible.Add(aircraft.DeepClone());
            }
        }
        if (!whole)
        {
            if (visible.Count == 0)
            {
                return null;
            }
            node = new JsonObject();
        }
        node["bands"] = visible;
        return JsonSerializer.SerializeToElement(node);
    }
}
