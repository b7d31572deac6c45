namespace Deconflict.Core.Asterix;

/// <summary>
/// CAT062 SDPS system track messages, edition 1.x (the UAP of 1.16 to 1.21; EUROCONTROL-SPEC-0149-9).
/// Interprets the data source, time of track information, calculated WGS-84 position, calculated
/// Cartesian velocity (y towards geographic north at the target), measured flight level, calculated
/// barometric and geometric altitudes, rate of climb/descent, track number, track status, Mode 3/A,
/// and from the aircraft-derived data (I062/380) the Mode S address, identification and emitter
/// category; identification also from I062/245 or the flight plan's callsign (I062/390).
/// </summary>
public sealed class Cat062Decoder : CategoryDecoder
{
    internal static readonly ItemLayout Item380 = ItemLayout.Compound("I062/380",
        ItemLayout.Fixed("ADR", 3), ItemLayout.Fixed("ID", 6), ItemLayout.Fixed("MHG", 2), ItemLayout.Fixed("IAS", 2),
        ItemLayout.Fixed("TAS", 2), ItemLayout.Fixed("SAL", 2), ItemLayout.Fixed("FSS", 2),
        ItemLayout.Extended("TIS"), ItemLayout.Repetitive("TID", 15), ItemLayout.Fixed("COM", 2), ItemLayout.Fixed("SAB", 2),
        ItemLayout.Fixed("ACS", 7), ItemLayout.Fixed("BVR", 2), ItemLayout.Fixed("GVR", 2),
        ItemLayout.Fixed("RAN", 2), ItemLayout.Fixed("TAR", 2), ItemLayout.Fixed("TAN", 2), ItemLayout.Fixed("GS", 2),
        ItemLayout.Fixed("VUN", 1), ItemLayout.Fixed("MET", 8), ItemLayout.Fixed("EMC", 1),
        ItemLayout.Fixed("POS", 6), ItemLayout.Fixed("GAL", 2), ItemLayout.Fixed("PUN", 1), ItemLayout.Repetitive("MB", 8),
        ItemLayout.Fixed("IAR", 2), ItemLayout.Fixed("MAC", 2), ItemLayout.Fixed("BPS", 2));

    internal static readonly ItemLayout Item390 = ItemLayout.Compound("I062/390",
        ItemLayout.Fixed("TAG", 2), ItemLayout.Fixed("CS", 7), ItemLayout.Fixed("IFI", 4), ItemLayout.Fixed("FCT", 1),
        ItemLayout.Fixed("TAC", 4), ItemLayout.Fixed("WTC", 1), ItemLayout.Fixed("DEP", 4),
        ItemLayout.Fixed("DST", 4), ItemLayout.Fixed("RDS", 3), ItemLayout.Fixed("CFL", 2), ItemLayout.Fixed("CTL", 2),
        ItemLayout.Repetitive("TOD", 4), ItemLayout.Fixed("AST", 6), ItemLayout.Fixed("STS", 1),
        ItemLayout.Fixed("STD", 7), ItemLayout.Fixed("STA", 7), ItemLayout.Fixed("PEM", 2), ItemLayout.Fixed("PEC", 7));

    private static readonly ItemLayout?[] s_uap =
    [
        ItemLayout.Fixed("I062/010", 2), null, ItemLayout.Fixed("I062/015", 1), ItemLayout.Fixed("I062/070", 3),
        ItemLayout.Fixed("I062/105", 8), ItemLayout.Fixed("I062/100", 6), ItemLayout.Fixed("I062/185", 4),
        ItemLayout.Fixed("I062/210", 2), ItemLayout.Fixed("I062/060", 2), ItemLayout.Fixed("I062/245", 7), Item380,
        ItemLayout.Fixed("I062/040", 2), ItemLayout.Extended("I062/080"),
        ItemLayout.CompoundOfFixed("I062/290", 1, 1, 1, 1, 2, 1, 1, 1, 1, 1),
        ItemLayout.Fixed("I062/200", 1),
        ItemLayout.CompoundOfFixed("I062/295", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
        ItemLayout.Fixed("I062/136", 2), ItemLayout.Fixed("I062/130", 2), ItemLayout.Fixed("I062/135", 2),
        ItemLayout.Fixed("I062/220", 2), Item390,
        ItemLayout.Extended("I062/270"), ItemLayout.Fixed("I062/300", 1),
        ItemLayout.Compound("I062/110", ItemLayout.Fixed("SUM", 1), ItemLayout.Fixed("PMN", 4), ItemLayout.Fixed("POS", 6),
            ItemLayout.Fixed("GA", 2), ItemLayout.Fixed("EM1", 2), ItemLayout.Fixed("TOS", 1), ItemLayout.Fixed("XP", 1)),
        ItemLayout.Fixed("I062/120", 2), ItemLayout.Extended("I062/510", 3),
        ItemLayout.CompoundOfFixed("I062/500", 4, 2, 4, 1, 1, 2, 2, 1),
        ItemLayout.CompoundOfFixed("I062/340", 2, 4, 2, 2, 2, 1),
        null, null, null, null, null, ItemLayout.Explicit("I062/RE"), ItemLayout.Explicit("I062/SP"),
    ];

    private double _calculatedFlightLevelFt;
    private string? _flightPlanCallsign;

    public override int Category => 62;

    protected override ItemLayout?[] Uap => s_uap;

    protected override bool Interprets(int frn) => frn switch
    {
        1 or 4 or 5 or 7 or 9 or 10 or 11 or 12 or 13 or 17 or 18 or 19 or 20 or 21 => true,
        _ => false,
    };

    protected override void BeginRecord()
    {
        _calculatedFlightLevelFt = double.NaN;
        _flightPlanCallsign = null;
    }

    protected override bool Interpret(int frn, ReadOnlySpan<byte> item, ref AsterixTarget t)
    {
        switch (frn)
        {
            case 1:
                t.Sac = item[0];
                t.Sic = item[1];
                return true;
            case 4:
                t.TimeOfDayS = Bits.U24(item) / 128.0;
                return true;
            case 5:
                {
                    double lat = Bits.S32(item) * (180.0 / (1 << 25)), lon = Bits.S32(item[4..]) * (180.0 / (1 << 25));
                    if (!InRange(lat, lon))
                    {
                        return false;
                    }
                    (t.LatDeg, t.LonDeg) = (lat, lon);
                    return true;
                }
            case 7:
                {
                    // VX east, VY north, 0.25 m/s.
                    double vx = Bits.S16(item) * 0.25, vy = Bits.S16(item[2..]) * 0.25;
                    t.GsKt = Math.Sqrt((vx * vx) + (vy * vy)) * 3600 / 1852;
                    var trk = Math.Atan2(vx, vy) * (180 / Math.PI);
                    t.TrkDeg = trk < 0 ? trk + 360 : trk;
                    return true;
                }
            case 9:
                t.Mode3A = Bits.U16(item) & 0x0FFF;
                return true;
            case 10:
                t.Callsign ??= IcaoCharacters.Decode(item[1..]);
                return true;
            case 11:
                return Interpret380(item, ref t);
            case 12:
                t.TrackNumber = Bits.U16(item);
                return true;
            case 13:
                t.Tentative = (item[0] & 0x02) != 0;
                if (item.Length > 1)
                {
                    t.SimulatedOrTest |= (item[1] & 0x80) != 0;
                    t.TrackEnded = (item[1] & 0x40) != 0;
                }
                if (item.Length > 5)
                {
                    t.OnGround = (item[5] & 0x10) != 0;
                }
                return true;
            case 17:
                {
                    var fl = Bits.S16(item) / 4.0;
                    if (fl is < -15 or > 1500)
                    {
                        return false;
                    }
                    t.FlightLevelFt = fl * 100;
                    return true;
                }
            case 18:
                t.GeometricAltFt = Bits.S16(item) * 6.25;
                return true;
            case 19:
                {
                    var fl = Bits.Signed(Bits.U16(item), 15) / 4.0;
                    if (fl is < -15 or > 1500)
                    {
                        return false;
                    }
                    _calculatedFlightLevelFt = fl * 100;
                    return true;
                }
            case 20:
                t.VsFpm = Bits.S16(item) * 6.25;
                return true;
            case 21:
                if (Item390.TrySubfield(item, 1, out var cs))
                {
                    _flightPlanCallsign = System.Text.Encoding.ASCII.GetString(cs).Trim();
                }
                return true;
            default:
                return true;
        }
    }

    protected override void EndRecord(ref AsterixTarget t)
    {
        // The measured flight level (I062/136) is what the aircraft reported; the tracker's calculated one stands in without it.
        if (double.IsNaN(t.FlightLevelFt))
        {
            t.FlightLevelFt = _calculatedFlightLevelFt;
        }
        if (t.Callsign is null && _flightPlanCallsign is { Length: > 0 })
        {
            t.Callsign = _flightPlanCallsign;
        }
    }

    private static bool Interpret380(ReadOnlySpan<byte> item, ref AsterixTarget t)
    {
        if (Item380.TrySubfield(item, 0, out var adr))
        {
            t.Address = Bits.U24(adr);
            t.AddressIsIcao = true;
        }
        if (Item380.TrySubfield(item, 1, out var id))
        {
            t.Callsign = IcaoCharacters.Decode(id) ?? t.Callsign;
        }
        if (Item380.TrySubfield(item, 20, out var emc))
        {
            t.EmitterCategory = emc[0];
        }
        return true;
    }
}
