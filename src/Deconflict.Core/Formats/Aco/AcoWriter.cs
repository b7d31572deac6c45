using System.Text;

namespace Deconflict.Core.Formats.Aco;

/// <summary>Writes an <see cref="AcoMessage"/> one set per line, in the form <see cref="AcoReader"/> reads back to the same message.</summary>
public static class AcoWriter
{
    public static string Write(AcoMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder();
        void Set(params string[] fields)
        {
            foreach (var f in fields)
            {
                if (f.Contains('/', StringComparison.Ordinal) || f.Contains('\n', StringComparison.Ordinal))
                {
                    throw new ArgumentException($"an ACO field cannot hold '/' or a line break: '{f}'", nameof(message));
                }
            }
            text.Append(string.Join('/', fields)).Append("//\n");
        }
        Set("MSGID", "ACO", message.Originator, message.Serial, message.Month);
        Set("ACOID", message.Area, message.AcoSerial);
        Set("GEODATUM", "WGS 1984");
        Set("PERIOD", AcoText.Time(message.PeriodStart), AcoText.Time(message.PeriodEnd));
        foreach (var m in message.Measures)
        {
            Set("ACMID", "ACM:" + m.Type, "NAME:" + m.Name, "SHAPE:" + m.Shape.Keyword);
            switch (m.Shape)
            {
                case AcoPolygon p:
                    Set(["POLYGON", .. p.Corners.Select(c => c.Write())]);
                    break;
                case AcoCircle c:
                    Set("CIRCLE", c.Centre.Write(), "RADIUS:" + AcoText.Distance(c.RadiusM));
                    break;
                case AcoCorridor k:
                    Set(["CORRIDOR", .. k.Path.Select(c => c.Write()), "WIDTH:" + AcoText.Distance(k.WidthM)]);
                    break;
                case AcoOrbit o:
                    Set("ORBIT", o.First.Write(), o.Second.Write(), "WIDTH:" + AcoText.Distance(o.WidthM), "C");
                    break;
                case AcoPoint p:
                    Set(p.RadiusM is { } r ? ["POINT", p.At.Write(), "RADIUS:" + AcoText.Distance(r)] : ["POINT", p.At.Write()]);
                    break;
                default:
                    throw new ArgumentException($"unknown shape {m.Shape.GetType().Name}", nameof(message));
            }
            Set("EFFLEVEL", AcoText.Altitude(m.LowerFt) + "-" + AcoText.Altitude(m.UpperFt));
            Set("APERIOD", "DISCRETE", AcoText.Time(m.Start), AcoText.Time(m.End));
        }
        return text.ToString();
    }
}
