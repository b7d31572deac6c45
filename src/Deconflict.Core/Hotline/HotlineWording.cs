using System.Text;

namespace Deconflict.Core.Hotline;

/// <summary>
/// One template's wording in one language, parsed from the catalogue: literal text, <c>{parameter}</c> placeholders,
/// and <c>[ ... ]</c> optional segments that appear only when every parameter inside them was given.
/// </summary>
internal sealed class HotlineWording
{
    private readonly List<Part> _parts;

    private HotlineWording(List<Part> parts) => _parts = parts;

    private abstract record Part;

    private sealed record Literal(string Text) : Part;

    private sealed record Placeholder(string Name) : Part;

    private sealed record Optional(List<Part> Parts) : Part;

    public static HotlineWording Parse(string text, HotlineTemplate template, string where)
    {
        var root = new List<Part>();
        List<Part>? optional = null;
        var literal = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Flush()
        {
            if (literal.Length > 0)
            {
                (optional ?? root).Add(new Literal(literal.ToString()));
                literal.Clear();
            }
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '[':
                    if (optional is not null)
                    {
                        throw new InvalidDataException($"{where}: optional segments cannot nest");
                    }
                    Flush();
                    optional = [];
                    break;
                case ']':
                    if (optional is null)
                    {
                        throw new InvalidDataException($"{where}: ']' without '['");
                    }
                    Flush();
                    root.Add(new Optional(optional));
                    optional = null;
                    break;
                case '{':
                    var end = text.IndexOf('}', i);
                    if (end < 0)
                    {
                        throw new InvalidDataException($"{where}: '{{' without '}}'");
                    }
                    var name = text[(i + 1)..end];
                    var parameter = template.Find(name)
                        ?? throw new InvalidDataException($"{where}: {template.Id} has no parameter '{name}'");
                    if (parameter.Required && optional is not null)
                    {
                        throw new InvalidDataException($"{where}: required parameter '{name}' must not be inside [ ]");
                    }
                    Flush();
                    (optional ?? root).Add(new Placeholder(name));
                    seen.Add(name);
                    i = end;
                    break;
                default:
                    literal.Append(c);
                    break;
            }
        }
        if (optional is not null)
        {
            throw new InvalidDataException($"{where}: '[' without ']'");
        }
        Flush();
        var missing = template.Parameters.Where(p => !seen.Contains(p.Name)).Select(p => p.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{where}: does not show parameter(s) {string.Join(", ", missing)}");
        }
        return new HotlineWording(root);
    }

    public string Render(Func<string, string?> value)
    {
        var sb = new StringBuilder();
        Append(_parts, value, sb);
        return sb.ToString();
    }

    private static void Append(List<Part> parts, Func<string, string?> value, StringBuilder sb)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case Literal l:
                    sb.Append(l.Text);
                    break;
                case Placeholder p:
                    sb.Append(value(p.Name));
                    break;
                case Optional o when o.Parts.OfType<Placeholder>().All(p => value(p.Name) is not null):
                    Append(o.Parts, value, sb);
                    break;
            }
        }
    }
}
