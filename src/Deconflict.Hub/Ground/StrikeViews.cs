using Deconflict.Hub.Access;

namespace Deconflict.Hub.Ground;

/// <summary>
/// What a reader may learn of a strike's assessment: the hits on objects it may see. A strike that reached a
/// protected object its owner does not share with the striker tells the striker only that it did, and that the owner
/// was told; never which object, whose, or how far (three strikes would otherwise locate a hidden clinic).
/// </summary>
public static class StrikeViews
{
    public const string HiddenHitNotice =
        "Your strike reached a protected object that is not shared with you; its owner has been told and the hotline has been opened.";

    public static StrikeView For(StrikeView full, string reader, Func<ObjectRef, bool> canSee)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(canSee);
        var visible = full.Hits.Where(h => h.Party == reader || canSee(new ObjectRef(h.ObjectKind, h.Party, h.ObjectId))).ToList();
        var hidden = visible.Count < full.Hits.Count && reader == full.Party;
        return full with { Hits = visible, ProtectedObjectHit = hidden ? true : null, Notice = hidden ? HiddenHitNotice : null };
    }
}
