using Deconflict.Hub.Access;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Events;

/// <summary>
/// Which objects each party has in open conflicts, kept in memory: loaded from the store at start, then changed by
/// every committed conflict event in commit order (<see cref="HubEvents.Publish"/>). Each event is delivered with the
/// <see cref="ConflictObjectsSnapshot"/> taken right after it, so deciding who may see it costs no query per reader.
/// </summary>
public sealed class OpenConflictObjects
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ConflictMembers> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<ObjectRef, int>> _counts = new(StringComparer.Ordinal);
    private ConflictObjectsSnapshot _current = ConflictObjectsSnapshot.Empty;

    /// <summary>The objects in open conflicts as of the last published conflict event.</summary>
    public ConflictObjectsSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Replaces what is known by the store's open conflicts (at start).</summary>
    public void Load(IEnumerable<ConflictRecord> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        lock (_gate)
        {
            _open.Clear();
            _counts.Clear();
            foreach (var c in open)
            {
                Add(c.Id, new ConflictMembers(c.Parties, c.Objects));
            }
            Volatile.Write(ref _current, new ConflictObjectsSnapshot(_counts.ToDictionary(p => p.Key, p => (IReadOnlySet<ObjectRef>)p.Value.Keys.ToHashSet(), StringComparer.Ordinal)));
        }
    }

    /// <summary>One conflict's new state: open (its parties and objects) or not (cleared, resolved).</summary>
    public ConflictObjectsSnapshot Apply(string conflictId, bool open, IReadOnlyList<string> parties, IReadOnlyList<ObjectRef> objects)
    {
        ArgumentNullException.ThrowIfNull(conflictId);
        lock (_gate)
        {
            var changed = new HashSet<string>(StringComparer.Ordinal);
            if (_open.Remove(conflictId, out var before))
            {
                Remove(before);
                changed.UnionWith(before.Parties);
            }
            if (open)
            {
                Add(conflictId, new ConflictMembers(parties, objects));
                changed.UnionWith(parties);
            }
            if (changed.Count == 0)
            {
                return _current;
            }
            // Copy on write: snapshots handed out with earlier events stay as they were.
            var next = new Dictionary<string, IReadOnlySet<ObjectRef>>(_current.ByParty, StringComparer.Ordinal);
            foreach (var party in changed)
            {
                if (_counts.TryGetValue(party, out var counts) && counts.Count > 0)
                {
                    next[party] = counts.Keys.ToHashSet();
                }
                else
                {
                    next.Remove(party);
                }
            }
            var snapshot = new ConflictObjectsSnapshot(next);
            Volatile.Write(ref _current, snapshot);
            return snapshot;
        }
    }

    private void Add(string id, ConflictMembers members)
    {
        _open[id] = members;
        foreach (var party in members.Parties.Distinct(StringComparer.Ordinal))
        {
            if (!_counts.TryGetValue(party, out var counts))
            {
                _counts[party] = counts = [];
            }
            foreach (var obj in members.Objects.Distinct())
            {
                counts[obj] = counts.GetValueOrDefault(obj) + 1;
            }
        }
    }

    private void Remove(ConflictMembers members)
    {
        foreach (var party in members.Parties.Distinct(StringComparer.Ordinal))
        {
            if (!_counts.TryGetValue(party, out var counts))
            {
                continue;
            }
            foreach (var obj in members.Objects.Distinct())
            {
                if (counts.TryGetValue(obj, out var n) && n > 1)
                {
                    counts[obj] = n - 1;
                }
                else
                {
                    counts.Remove(obj);
                }
            }
            if (counts.Count == 0)
            {
                _counts.Remove(party);
            }
        }
    }

    private sealed record ConflictMembers(IReadOnlyList<string> Parties, IReadOnlyList<ObjectRef> Objects);
}

/// <summary>The objects each party had in open conflicts at one moment; never changes once made.</summary>
public sealed class ConflictObjectsSnapshot(IReadOnlyDictionary<string, IReadOnlySet<ObjectRef>> byParty)
{
    private static readonly IReadOnlySet<ObjectRef> None = new HashSet<ObjectRef>();

    public static ConflictObjectsSnapshot Empty { get; } = new(new Dictionary<string, IReadOnlySet<ObjectRef>>(StringComparer.Ordinal));

    internal IReadOnlyDictionary<string, IReadOnlySet<ObjectRef>> ByParty { get; } = byParty;

    /// <summary>The objects in the open conflicts <paramref name="party"/> is part of.</summary>
    public IReadOnlySet<ObjectRef> For(string party) => ByParty.TryGetValue(party, out var set) ? set : None;
}
