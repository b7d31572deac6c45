namespace Deconflict.Core.Strategic.Geometry;

/// <summary>
/// The segments crossing a sweep line, ordered bottom to top by a caller's comparison: a treap over segment numbers
/// with deterministic priorities, so insertion, removal and the neighbours of a segment cost O(log n) expected.
/// The comparison may answer 0 for two different segments (they overlap); insertion then reports the one it met.
/// </summary>
internal sealed class SweepStatus
{
    private const int None = -1;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly uint[] _priority;
    private readonly Func<int, int, int> _compare;
    private int _root = None;

    public SweepStatus(int capacity, Func<int, int, int> compare)
    {
        _compare = compare;
        _left = new int[capacity];
        _right = new int[capacity];
        _priority = new uint[capacity];
        var state = 0x9E3779B9u;
        for (var i = 0; i < capacity; i++)
        {
            // xorshift32: priorities independent of the input order, the same on every run.
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            _priority[i] = state;
        }
    }

    /// <summary>Inserts <paramref name="segment"/>; returns its neighbours below and above (-1 when none), or the
    /// segment it compares equal to as <c>Equal</c> (then nothing is inserted).</summary>
    public (int Below, int Above, int Equal) Insert(int segment)
    {
        var (below, above) = (None, None);
        for (var node = _root; node != None;)
        {
            var c = _compare(segment, node);
            if (c == 0)
            {
                return (None, None, node);
            }
            if (c < 0)
            {
                above = node;
                node = _left[node];
            }
            else
            {
                below = node;
                node = _right[node];
            }
        }
        _left[segment] = _right[segment] = None;
        _root = Insert(_root, segment);
        return (below, above, None);
    }

    /// <summary>Removes <paramref name="segment"/>; returns the neighbours it had, or null when it is not found
    /// (the order became inconsistent, which only a crossing that was missed can cause).</summary>
    public (int Below, int Above)? Remove(int segment)
    {
        var (below, above) = (None, None);
        var node = _root;
        while (node != None && node != segment)
        {
            var c = _compare(segment, node);
            if (c == 0)
            {
                return null;
            }
            if (c < 0)
            {
                above = node;
                node = _left[node];
            }
            else
            {
                below = node;
                node = _right[node];
            }
        }
        if (node == None)
        {
            return null;
        }
        if (_left[node] != None)
        {
            below = Rightmost(_left[node]);
        }
        if (_right[node] != None)
        {
            above = Leftmost(_right[node]);
        }
        _root = Remove(_root, segment);
        return (below, above);
    }

    private int Insert(int root, int segment)
    {
        if (root == None)
        {
            return segment;
        }
        if (_priority[segment] > _priority[root])
        {
            var (l, r) = Split(root, segment);
            _left[segment] = l;
            _right[segment] = r;
            return segment;
        }
        if (_compare(segment, root) < 0)
        {
            _left[root] = Insert(_left[root], segment);
        }
        else
        {
            _right[root] = Insert(_right[root], segment);
        }
        return root;
    }

    /// <summary>The nodes of <paramref name="root"/> below and above <paramref name="segment"/>.</summary>
    private (int Below, int Above) Split(int root, int segment)
    {
        if (root == None)
        {
            return (None, None);
        }
        if (_compare(segment, root) < 0)
        {
            var (l, r) = Split(_left[root], segment);
            _left[root] = r;
            return (l, root);
        }
        else
        {
            var (l, r) = Split(_right[root], segment);
            _right[root] = l;
            return (root, r);
        }
    }

    private int Remove(int root, int segment)
    {
        if (root == segment)
        {
            return Merge(_left[root], _right[root]);
        }
        if (_compare(segment, root) < 0)
        {
            _left[root] = Remove(_left[root], segment);
        }
        else
        {
            _right[root] = Remove(_right[root], segment);
        }
        return root;
    }

    private int Merge(int below, int above)
    {
        if (below == None)
        {
            return above;
        }
        if (above == None)
        {
            return below;
        }
        if (_priority[below] > _priority[above])
        {
            _right[below] = Merge(_right[below], above);
            return below;
        }
        _left[above] = Merge(below, _left[above]);
        return above;
    }

    private int Leftmost(int node)
    {
        while (_left[node] != None)
        {
            node = _left[node];
        }
        return node;
    }

    private int Rightmost(int node)
    {
        while (_right[node] != None)
        {
            node = _right[node];
        }
        return node;
    }
}
