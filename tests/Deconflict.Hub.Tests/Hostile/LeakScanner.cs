using System.Buffers;

namespace Deconflict.Hub.Tests.Hostile;

/// <summary>
/// Finds, in one caller's replies, the markers of every seeded object that caller may not know. A marker is ignored
/// when the caller's own request holds it (an echoed path says nothing new) or when an object the caller may know has
/// the same value. All markers are searched at once (SearchValues), so a megabyte audit export is scanned in one pass.
/// </summary>
public sealed class LeakScanner
{
    private readonly string _caller;
    private readonly Dictionary<string, List<(SeededObject Object, Marker Marker)>> _hidden = new(StringComparer.Ordinal);
    private readonly SearchValues<string> _search;

    public LeakScanner(string caller, IEnumerable<SeededObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        _caller = caller;
        var list = objects.ToList();
        var allowed = list.Where(o => o.KnownTo.Contains(caller)).SelectMany(o => o.Markers).Select(m => m.Text).ToHashSet(StringComparer.Ordinal);
        foreach (var o in list.Where(o => !o.KnownTo.Contains(caller)))
        {
            foreach (var m in o.Markers.Where(m => !allowed.Contains(m.Text)))
            {
                if (!_hidden.TryGetValue(m.Text, out var entries))
                {
                    _hidden[m.Text] = entries = [];
                }
                entries.Add((o, m));
            }
        }
        _search = SearchValues.Create([.. _hidden.Keys], StringComparison.Ordinal);
    }

    public int HiddenMarkerCount => _hidden.Count;

    /// <summary>Every hidden marker in <paramref name="text"/> (at most one leak per marker and object).</summary>
    public IEnumerable<Leak> Scan(string surface, string text, string request = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new HashSet<(SeededObject, Marker)>();
        var leaks = new List<Leak>();
        var at = 0;
        while (at < text.Length)
        {
            var next = text.AsSpan(at).IndexOfAny(_search);
            if (next < 0)
            {
                break;
            }
            var position = at + next;
            foreach (var (value, entries) in _hidden)
            {
                if (string.CompareOrdinal(text, position, value, 0, value.Length) != 0 || request.Contains(value, StringComparison.Ordinal))
                {
                    continue;
                }
                foreach (var (o, m) in entries)
                {
                    if (!found.Contains((o, m)) && m.IsIn(text.Substring(Math.Max(0, position - 1), Math.Min(text.Length - Math.Max(0, position - 1), value.Length + 2))))
                    {
                        found.Add((o, m));
                        var from = Math.Max(0, position - 60);
                        leaks.Add(new Leak(surface, _caller, o, m, text[from..Math.Min(text.Length, position + value.Length + 60)].ReplaceLineEndings(" ")));
                    }
                }
            }
            at = position + 1;
        }
        return leaks;
    }
}
