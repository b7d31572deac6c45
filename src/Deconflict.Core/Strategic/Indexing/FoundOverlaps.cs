namespace Deconflict.Core.Strategic.Indexing;

/// <summary>
/// The held intents one search found in conflict (by slot, in the order first found) with the union of their
/// overlaps. Slots are dense, so a sparse set (a position per slot, valid only when the slot found at that
/// position is the same slot, so nothing is cleared between searches) replaces a dictionary: plain code of this assembly that
/// ReadyToRun precompiles, where <c>Dictionary&lt;int, VolumeOverlap&gt;</c> was compiled at start and ran as
/// first-tier code through most of a cold check. One per thread, reused by the next search.
/// </summary>
internal sealed class FoundOverlaps
{
    private int[] _positionBySlot = [];
    private int[] _slots = new int[16];
    private VolumeOverlap[] _overlaps = new VolumeOverlap[16];

    public int Count { get; private set; }

    public int Slot(int i) => _slots[i];

    public VolumeOverlap Overlap(int i) => _overlaps[i];

    /// <summary>Empties the set for a search over an index of <paramref name="slotCount"/> intent slots.</summary>
    public void Begin(int slotCount)
    {
        if (_positionBySlot.Length < slotCount)
        {
            _positionBySlot = new int[Math.Max(slotCount, _positionBySlot.Length * 2)];
        }
        Count = 0;
    }

    /// <summary>Adds <paramref name="overlap"/> to what is found for <paramref name="slot"/>.</summary>
    public void Add(int slot, in VolumeOverlap overlap)
    {
        var position = _positionBySlot[slot];
        if ((uint)position < (uint)Count && _slots[position] == slot)
        {
            _overlaps[position] = _overlaps[position].Union(overlap);
            return;
        }
        if (Count == _slots.Length)
        {
            var slots = new int[Count * 2];
            var overlaps = new VolumeOverlap[Count * 2];
            Array.Copy(_slots, slots, Count);
            Array.Copy(_overlaps, overlaps, Count);
            _slots = slots;
            _overlaps = overlaps;
        }
        _positionBySlot[slot] = Count;
        _slots[Count] = slot;
        _overlaps[Count++] = overlap;
    }
}
