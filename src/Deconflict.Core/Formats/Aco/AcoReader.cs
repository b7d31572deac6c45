namespace Deconflict.Core.Formats.Aco;

/// <summary>
/// Reads an Airspace Control Order: slash-separated sets, each ending <c>//</c> and possibly running over several
/// lines. The header (MSGID, ACOID, GEODATUM, PERIOD) comes first; each measure is an ACMID set, its shape set (the
/// one SHAPE names), EFFLEVEL and an optional APERIOD (else the message's PERIOD). Sets the hub has no use for (EXER,
/// OPER, REF, GENTEXT, …) are listed in <see cref="AcoMessage.Ignored"/>. The first problem stops the reading with an
/// <see cref="AcoFormatException"/> naming the set, its line and the field, so nothing is taken from a bad message.
/// </summary>
public static class AcoReader
{
    /// <summary>Most measures read from one message.</summary>
    public const int MaxMeasures = 2_000;

    private sealed record RawSet(int Number, int Line, string[] Fields)
    {
        public string Name => Fields[0];

        public AcoFormatException Fail(string field, string message) => new(Number, Line, field, message);
    }

    public static AcoMessage Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sets = Split(text);
        var ignored = new List<string>();
        var i = 0;
        RawSet? Next(string expected)
        {
            while (i < sets.Count && sets[i].Name is "EXER" or "OPER" or "REF" or "GENTEXT" or "AMPN" or "NARR" or "RMKS" or "DECL" or "POC")
            {
                ignored.Add($"set {sets[i].Number} (line {sets[i].Line}): {sets[i].Name}");
                i++;
            }
            if (i >= sets.Count)
            {
                var last = sets.Count == 0 ? new RawSet(0, 1, ["-"]) : sets[^1];
                throw new AcoFormatException(last.Number + 1, last.Line, expected, $"the message ends where a {expected} set is needed");
            }
            return sets[i++];
        }
        RawSet Expect(string name)
        {
            var s = Next(name)!;
            return s.Name == name ? s : throw s.Fail(name, $"expected a {name} set here, found {s.Name}");
        }

        var msgid = Expect("MSGID");
        if (msgid.Fields.Length < 4 || msgid.Fields[1] != "ACO")
        {
            throw msgid.Fail("MSGID", "expected MSGID/ACO/originator/serial[/month…]//");
        }
        var acoid = Expect("ACOID");
        if (acoid.Fields.Length < 3)
        {
            throw acoid.Fail("ACOID", "expected ACOID/area/serial//");
        }
        var datum = Expect("GEODATUM");
        if (datum.Fields.Length != 2 || datum.Fields[1].Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) is not ("WGS1984" or "WGS84" or "WGE"))
        {
            throw datum.Fail("GEODATUM", $"only WGS 1984 is supported, got '{string.Join('/', datum.Fields[1..])}'");
        }
        var period = Expect("PERIOD");
        if (period.Fields.Length != 3)
        {
            throw period.Fail("PERIOD", "expected PERIOD/start/end// with times such as 010600ZMAR2026");
        }
        var periodStart = Time(period, period.Fields[1], "PERIOD start");
        var periodEnd = Time(period, period.Fields[2], "PERIOD end");
        if (periodEnd <= periodStart)
        {
            throw period.Fail("PERIOD end", "must be after the start");
        }

        var measures = new List<AcoMeasure>();
        while (true)
        {
            while (i < sets.Count && sets[i].Name != "ACMID")
            {
                if (sets[i].Name is "EXER" or "OPER" or "REF" or "GENTEXT" or "AMPN" or "NARR" or "RMKS" or "DECL" or "POC")
                {
                    ignored.Add($"set {sets[i].Number} (line {sets[i].Line}): {sets[i].Name}");
                    i++;
                    continue;
                }
                throw sets[i].Fail(sets[i].Name, $"unexpected {sets[i].Name} set: a measure starts with ACMID");
            }
            if (i >= sets.Count)
            {
                break;
            }
            if (measures.Count == MaxMeasures)
            {
                throw sets[i].Fail("ACMID", $"more than {MaxMeasures} measures in one message");
            }
            measures.Add(Measure(sets, ref i, periodStart, periodEnd));
        }
        if (measures.Count == 0)
        {
            throw period.Fail("ACMID", "the message has no airspace control measure (ACMID set)");
        }
        return new AcoMessage(msgid.Fields[2], msgid.Fields[3], msgid.Fields.Length > 4 ? msgid.Fields[4] : "-", acoid.Fields[1], acoid.Fields[2],
            periodStart, periodEnd, measures)
        { Ignored = ignored };
    }

    private static AcoMeasure Measure(List<RawSet> sets, ref int i, DateTimeOffset periodStart, DateTimeOffset periodEnd)
    {
        var acmid = sets[i++];
        string? type = null, name = null, shapeName = null;
        foreach (var field in acmid.Fields[1..])
        {
            var colon = field.IndexOf(':', StringComparison.Ordinal);
            var (key, value) = colon < 0 ? ("", field) : (field[..colon], field[(colon + 1)..]);
            switch (key)
            {
                case "ACM": type = value; break;
                case "NAME": name = value; break;
                case "SHAPE": shapeName = value; break;
                default: break;
            }
        }
        if (type is null || !AcoText.IsFieldText(type))
        {
            throw acmid.Fail("ACM", "each ACMID needs ACM:type (e.g. ACM:ROZ)");
        }
        if (name is null || !AcoText.IsFieldText(name))
        {
            throw acmid.Fail("NAME", "each ACMID needs NAME:name (1–200 characters)");
        }
        if (shapeName is not ("POLYGON" or "CIRCLE" or "CORRIDOR" or "ORBIT" or "POINT"))
        {
            throw acmid.Fail("SHAPE", $"SHAPE must be POLYGON, CIRCLE, CORRIDOR, ORBIT or POINT, got '{shapeName ?? "nothing"}'");
        }
        if (i >= sets.Count || sets[i].Name != shapeName)
        {
            var found = i < sets.Count ? sets[i] : acmid;
            throw found.Fail(shapeName, $"the measure '{name}' needs its {shapeName} set right after ACMID");
        }
        var shapeSet = sets[i++];
        var shape = Shape(shapeSet);
        if (i >= sets.Count || sets[i].Name != "EFFLEVEL")
        {
            throw (i < sets.Count ? sets[i] : shapeSet).Fail("EFFLEVEL", $"the measure '{name}' needs an EFFLEVEL set (e.g. EFFLEVEL/FL100-FL200//) after its shape");
        }
        var level = sets[i++];
        var band = level.Fields.Length == 2 ? level.Fields[1].Split('-', 2) : [];
        // A leading minus is part of the lower altitude, not the separator ("-500FT-FL010").
        if (level.Fields.Length == 2 && level.Fields[1].StartsWith('-'))
        {
            var rest = level.Fields[1][1..].Split('-', 2);
            band = rest.Length == 2 ? ["-" + rest[0], rest[1]] : [];
        }
        if (band.Length != 2)
        {
            throw level.Fail("EFFLEVEL", "expected EFFLEVEL/lower-upper// such as FL100-FL200, SFC-5000FT or 3000FT-FL150");
        }
        var lower = AcoText.ParseAltitude(band[0]) ?? throw level.Fail("EFFLEVEL lower", $"'{band[0]}' is not an altitude (FL100, 5000FT, 1500M, SFC)");
        var upper = AcoText.ParseAltitude(band[1]) ?? throw level.Fail("EFFLEVEL upper", $"'{band[1]}' is not an altitude (FL100, 5000FT, 1500M, SFC)");
        if (upper <= lower)
        {
            throw level.Fail("EFFLEVEL upper", "must be above the lower altitude");
        }
        var (start, end) = (periodStart, periodEnd);
        if (i < sets.Count && sets[i].Name == "APERIOD")
        {
            var ap = sets[i++];
            var times = ap.Fields.Length >= 2 && ap.Fields[1] == "DISCRETE" ? ap.Fields[2..] : ap.Fields[1..];
            if (times.Length != 2)
            {
                throw ap.Fail("APERIOD", "expected APERIOD/DISCRETE/start/end//");
            }
            start = Time(ap, times[0], "APERIOD start");
            end = Time(ap, times[1], "APERIOD end");
            if (end <= start)
            {
                throw ap.Fail("APERIOD end", "must be after the start");
            }
        }
        return new AcoMeasure(name, type, shape, lower, upper, start, end) { Set = acmid.Number, Line = acmid.Line };
    }

    private static AcoShape Shape(RawSet s)
    {
        var positions = new List<AcoPosition>();
        double? radius = null, width = null;
        var alignment = "C";
        foreach (var field in s.Fields[1..])
        {
            if (field.StartsWith("LATS:", StringComparison.Ordinal) || field.StartsWith("LATM:", StringComparison.Ordinal))
            {
                positions.Add(AcoPosition.Parse(field) ?? throw s.Fail(field[..4],
                    $"'{field}' is not a position such as LATS:353012N0380015E (degrees, minutes, seconds) or LATM:3530N03800E"));
            }
            else if (field.StartsWith("RADIUS:", StringComparison.Ordinal))
            {
                radius = AcoText.ParseDistance(field[7..]) ?? throw s.Fail("RADIUS", $"'{field[7..]}' is not a distance such as 20NM, 5KM or 800M");
            }
            else if (field.StartsWith("WIDTH:", StringComparison.Ordinal))
            {
                width = AcoText.ParseDistance(field[6..]) ?? throw s.Fail("WIDTH", $"'{field[6..]}' is not a distance such as 10NM, 5KM or 800M");
            }
            else if (s.Name == "ORBIT" && field is "C" or "L" or "R")
            {
                alignment = field;
            }
            else
            {
                throw s.Fail(s.Name, $"unexpected field '{field}'");
            }
        }
        if (radius is <= 0 || width is <= 0)
        {
            throw s.Fail(radius is <= 0 ? "RADIUS" : "WIDTH", "must be more than zero");
        }
        switch (s.Name)
        {
            case "POLYGON":
                return positions.Count < 3 ? throw s.Fail("LATS", $"a POLYGON needs at least 3 corners, found {positions.Count}") : new AcoPolygon(positions);
            case "CIRCLE":
                return positions.Count != 1 ? throw s.Fail("LATS", $"a CIRCLE has one centre, found {positions.Count}")
                    : new AcoCircle(positions[0], radius ?? throw s.Fail("RADIUS", "a CIRCLE needs RADIUS:distance"));
            case "CORRIDOR":
                return positions.Count < 2 ? throw s.Fail("LATS", $"a CORRIDOR needs at least 2 points, found {positions.Count}")
                    : new AcoCorridor(positions, width ?? throw s.Fail("WIDTH", "a CORRIDOR needs WIDTH:distance (full width)"));
            case "ORBIT":
                if (alignment != "C")
                {
                    throw s.Fail("ORBIT", $"only centred orbits (C) are supported, got {alignment}");
                }
                return positions.Count != 2 ? throw s.Fail("LATS", $"an ORBIT has 2 points, found {positions.Count}")
                    : new AcoOrbit(positions[0], positions[1], width ?? throw s.Fail("WIDTH", "an ORBIT needs WIDTH:distance (full width)"));
            default:
                return positions.Count != 1 ? throw s.Fail("LATS", $"a POINT has one position, found {positions.Count}") : new AcoPoint(positions[0], radius);
        }
    }

    private static DateTimeOffset Time(RawSet s, string text, string field) =>
        AcoText.ParseTime(text) ?? throw s.Fail(field, $"'{text}' is not a UTC time such as 010600ZMAR2026 (day, hour, minute, Z, month, year)");

    /// <summary>Cuts the text into sets at <c>//</c>, fields at <c>/</c>, each trimmed; a set's line is where it starts.</summary>
    private static List<RawSet> Split(string text)
    {
        var sets = new List<RawSet>();
        var line = 1;
        var start = 0;
        var startLine = 1;
        var inSet = false;
        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            if (!inSet && !char.IsWhiteSpace(c))
            {
                inSet = true;
                start = k;
                startLine = line;
            }
            if (c == '\n')
            {
                line++;
            }
            if (inSet && c == '/' && k + 1 < text.Length && text[k + 1] == '/')
            {
                var body = text[start..k];
                var fields = body.Split('/').Select(f => string.Join(' ', f.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))).ToArray();
                var set = new RawSet(sets.Count + 1, startLine, fields);
                if (fields[0].Length == 0 || !fields[0].All(ch => char.IsAsciiLetterUpper(ch) || char.IsAsciiDigit(ch)))
                {
                    throw set.Fail("set", $"a set starts with its name in capitals (MSGID, ACMID, …), got '{(fields[0].Length > 20 ? fields[0][..20] : fields[0])}'");
                }
                sets.Add(set);
                k++;
                inSet = false;
            }
        }
        if (inSet)
        {
            throw new AcoFormatException(sets.Count + 1, startLine, "//", "the last set does not end with //");
        }
        return sets;
    }
}
