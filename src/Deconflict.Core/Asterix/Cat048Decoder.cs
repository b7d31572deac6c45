namespace Deconflict.Core.Asterix;

/// <summary>
/// CAT048 monoradar target reports, edition 1.x (EUROCONTROL-SPEC-0149-4). Interprets the data
/// source, time of day, target report descriptor, polar position (slant range and azimuth from the
/// radar), flight level, Mode 3/A, Mode S address and identification, track number, calculated
/// track velocity and track status. The polar position becomes a WGS-84 one in
/// <see cref="RadarSite"/>, with the radar's position that the receiving side configures.
/// </summary>
public sealed class Cat048Decoder : CategoryDecoder
{
    private static readonly ItemLayout?[] s_uap =
    [
        ItemLayout.Fixed("I048/010", 2), ItemLayout.Fixed("I048/140", 3), ItemLayout.Extended("I048/020"), ItemLayout.Fixed("I048/040", 4),
        ItemLayout.Fixed("I048/070", 2), ItemLayout.Fixed("I048/090", 2), ItemLayout.CompoundOfFixed("I048/130", 1, 1, 1, 1, 1, 1, 1),
        ItemLayout.Fixed("I048/220", 3), ItemLayout.Fixed("I048/240", 6), ItemLayout.Repetitive("I048/250", 8), ItemLayout.Fixed("I048/161", 2),
        ItemLayout.Fixed("I048/042", 4), ItemLayout.Fixed("I048/200", 4), ItemLayout.Extended("I048/170"),
        ItemLayout.Fixed("I048/210", 4), ItemLayout.Extended("I048/030"), ItemLayout.Fixed("I048/080", 2), ItemLayout.Fixed("I048/100", 4),
        ItemLayout.Fixed("I048/110", 2), ItemLayout.Compound("I048/120", ItemLayout.Fixed("CAL", 2), ItemLayout.Repetitive("RDS", 6)),
        ItemLayout.Fixed("I048/230", 2),
        ItemLayout.Fixed("I048/260", 7), ItemLayout.Fixed("I048/055", 1), ItemLayout.Fixed("I048/050", 2), ItemLayout.Fixed("I048/065", 1),
        ItemLayout.Fixed("I048/060", 2), ItemLayout.Explicit("I048/SP"), ItemLayout.Explicit("I048/RE"),
    ];

    public override int Category => 48;

    protected override ItemLayout?[] Uap => s_uap;

    protected override bool Interprets(int frn) => frn is 1 or 2 or 3 or 4 or 5 or 6 or 8 or 9 or 11 or 13 or 14;

    protected override bool Interpret(int frn, ReadOnlySpan<byte> item, ref AsterixTarget t)
    {
        switch (frn)
        {
            case 1:
                t.Sac = item[0];
                t.Sic = item[1];
                return true;
            case 2:
                t.TimeOfDayS = Bits.U24(item) / 128.0;
                return true;
            case 3:
                // SIM in the first octet, field monitor (RAB), TST in the first extension.
                t.SimulatedOrTest |= (item[0] & 0x12) != 0;
                if (item.Length > 1)
                {
                    t.SimulatedOrTest |= (item[1] & 0x80) != 0;
                }
                return true;
            case 4:
                t.RhoNm = Bits.U16(item) / 256.0;
                t.ThetaDeg = Bits.U16(item[2..]) * (360.0 / 65536);
                return true;
            case 5:
                t.Mode3A = Bits.U16(item) & 0x0FFF;
                return true;
            case 6:
                {
                    var fl = Bits.Signed(Bits.U16(item), 14) / 4.0;
                    if (fl is < -12 or > 1270)
                    {
                        return false;
                    }
                    t.FlightLevelFt = fl * 100;
                    return true;
                }
            case 8:
                t.Address = Bits.U24(item);
                t.AddressIsIcao = true;
                return true;
            case 9:
                t.Callsign = IcaoCharacters.Decode(item);
                return true;
            case 11:
                t.TrackNumber = Bits.U16(item) & 0x0FFF;
                return true;
            case 13:
                t.GsKt = Bits.U16(item) / (double)(1 << 14) * 3600;
                t.TrkDeg = Bits.U16(item[2..]) * (360.0 / 65536);
                return true;
            case 14:
                t.Tentative = (item[0] & 0x80) != 0;
                t.TrackEnded = item.Length > 1 && (item[1] & 0x80) != 0;
                return true;
            default:
                return true;
        }
    }
}
