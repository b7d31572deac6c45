namespace Deconflict.Core.Asterix;

/// <summary>
/// CAT021 ADS-B target reports, edition 2.x (EUROCONTROL-SPEC-0149-12; the UAP is the same from 2.1
/// to 2.6). Interprets the data source, target report descriptor, times, positions (high resolution
/// preferred), flight level, geometric height, vertical rates, airborne ground vector, address,
/// identification, emitter category, Mode 3/A, track number and quality indicators.
/// </summary>
public sealed class Cat021Decoder : CategoryDecoder
{
    private static readonly ItemLayout?[] s_uap =
    [
        ItemLayout.Fixed("I021/010", 2), ItemLayout.Extended("I021/040"), ItemLayout.Fixed("I021/161", 2), ItemLayout.Fixed("I021/015", 1),
        ItemLayout.Fixed("I021/071", 3), ItemLayout.Fixed("I021/130", 6), ItemLayout.Fixed("I021/131", 8),
        ItemLayout.Fixed("I021/072", 3), ItemLayout.Fixed("I021/150", 2), ItemLayout.Fixed("I021/151", 2), ItemLayout.Fixed("I021/080", 3),
        ItemLayout.Fixed("I021/073", 3), ItemLayout.Fixed("I021/074", 4), ItemLayout.Fixed("I021/075", 3),
        ItemLayout.Fixed("I021/076", 4), ItemLayout.Fixed("I021/140", 2), ItemLayout.Extended("I021/090"), ItemLayout.Fixed("I021/210", 1),
        ItemLayout.Fixed("I021/070", 2), ItemLayout.Fixed("I021/230", 2), ItemLayout.Fixed("I021/145", 2),
        ItemLayout.Fixed("I021/152", 2), ItemLayout.Fixed("I021/200", 1), ItemLayout.Fixed("I021/155", 2), ItemLayout.Fixed("I021/157", 2),
        ItemLayout.Fixed("I021/160", 4), ItemLayout.Fixed("I021/165", 2), ItemLayout.Fixed("I021/077", 3),
        ItemLayout.Fixed("I021/170", 6), ItemLayout.Fixed("I021/020", 1),
        ItemLayout.CompoundOfFixed("I021/220", 2, 2, 2, 1),
        ItemLayout.Fixed("I021/146", 2), ItemLayout.Fixed("I021/148", 2),
        ItemLayout.Compound("I021/110", ItemLayout.Extended("I021/110 TIS"), ItemLayout.Repetitive("I021/110 TID", 15)),
        ItemLayout.Fixed("I021/016", 1),
        ItemLayout.Fixed("I021/008", 1), ItemLayout.Extended("I021/271"), ItemLayout.Fixed("I021/132", 1), ItemLayout.Repetitive("I021/250", 8),
        ItemLayout.Fixed("I021/260", 7), ItemLayout.Fixed("I021/400", 1),
        ItemLayout.CompoundOfFixed("I021/295", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
        null, null, null, null, null, ItemLayout.Explicit("I021/RE"), ItemLayout.Explicit("I021/SP"),
    ];

    // Times of the record, combined at its end: applicability of position first, then reception.
    private double _applicabilityS;
    private double _receptionS;
    private int _receptionFsi;
    private double _receptionFraction;
    private double _transmissionS;
    private bool _highResolution;

    public override int Category => 21;

    protected override ItemLayout?[] Uap => s_uap;

    protected override bool Interprets(int frn) => frn switch
    {
        1 or 2 or 3 or 5 or 6 or 7 or 11 or 12 or 13 or 16 or 17 or 19 or 21 or 24 or 25 or 26 or 28 or 29 or 30 => true,
        _ => false,
    };

    protected override void BeginRecord()
    {
        _applicabilityS = _receptionS = _receptionFraction = _transmissionS = double.NaN;
        _receptionFsi = 0;
        _highResolution = false;
    }

    protected override bool Interpret(int frn, ReadOnlySpan<byte> item, ref AsterixTarget t)
    {
        switch (frn)
        {
            case 1:
                t.Sac = item[0];
                t.Sic = item[1];
                return true;
            case 2:
                // ATP 0 = 24-bit ICAO address; RAB = field monitor; first extension: GBS, SIM, TST.
                t.AddressIsIcao = item[0] >> 5 == 0;
                t.SimulatedOrTest |= (item[0] & 0x02) != 0;
                if (item.Length > 1)
                {
                    t.OnGround = (item[1] & 0x40) != 0;
                    t.SimulatedOrTest |= (item[1] & 0x30) != 0;
                }
                return true;
            case 3:
                t.TrackNumber = Bits.U16(item) & 0x0FFF;
                return true;
            case 5:
                _applicabilityS = Bits.U24(item) / 128.0;
                return true;
            case 6:
                {
                    if (_highResolution)
                    {
                        return true;
                    }
                    double lat = Bits.S24(item) * (180.0 / (1 << 23)), lon = Bits.S24(item[3..]) * (180.0 / (1 << 23));
                    if (!InRange(lat, lon))
                    {
                        return false;
                    }
                    (t.LatDeg, t.LonDeg) = (lat, lon);
                    return true;
                }
            case 7:
                {
                    double lat = Bits.S32(item) * (180.0 / (1 << 30)), lon = Bits.S32(item[4..]) * (180.0 / (1 << 30));
                    if (!InRange(lat, lon))
                    {
                        return false;
                    }
                    (t.LatDeg, t.LonDeg) = (lat, lon);
                    _highResolution = true;
                    return true;
                }
            case 11:
                t.Address = Bits.U24(item);
                return true;
            case 12:
                _receptionS = Bits.U24(item) / 128.0;
                return true;
            case 13:
                _receptionFsi = item[0] >> 6;
                _receptionFraction = (Bits.S32(item) & 0x3FFFFFFF) / (double)(1 << 30);
                return _receptionFsi != 3;
            case 16:
                t.GeometricAltFt = Bits.S16(item) * 6.25;
                return true;
            case 17:
                t.NucpNic = (item[0] >> 1) & 0x0F;
                if (item.Length > 1)
                {
                    t.Sil = (item[1] >> 5) & 0x03;
                    t.NacP = (item[1] >> 1) & 0x0F;
                }
                return true;
            case 19:
                t.Mode3A = Bits.U16(item) & 0x0FFF;
                return true;
            case 21:
                {
                    var fl = Bits.S16(item) / 4.0;
                    if (fl is < -15 or > 1500)
                    {
                        return false;
                    }
                    t.FlightLevelFt = fl * 100;
                    return true;
                }
            case 24:
                t.VsFpm = Bits.Signed(Bits.U16(item), 15) * 6.25;
                return true;
            case 25:
                t.GeometricVsFpm = Bits.Signed(Bits.U16(item), 15) * 6.25;
                return true;
            case 26:
                t.GsKt = (Bits.U16(item) & 0x7FFF) / (double)(1 << 14) * 3600;
                t.TrkDeg = Bits.U16(item[2..]) * (360.0 / 65536);
                return true;
            case 28:
                _transmissionS = Bits.U24(item) / 128.0;
                return true;
            case 29:
                t.Callsign = IcaoCharacters.Decode(item);
                return true;
            case 30:
                t.EmitterCategory = item[0];
                return true;
            default:
                return true;
        }
    }

    protected override void EndRecord(ref AsterixTarget t)
    {
        if (!double.IsNaN(_applicabilityS))
        {
            t.TimeOfDayS = _applicabilityS;
        }
        else if (!double.IsNaN(_receptionS))
        {
            // I021/074 refines I021/073 to 2^-30 s; its FSI says whether the whole second is the same, one more or one less.
            var whole = Math.Floor(_receptionS) + (_receptionFsi == 1 ? 1 : _receptionFsi == 2 ? -1 : 0);
            t.TimeOfDayS = double.IsNaN(_receptionFraction) ? _receptionS : whole + _receptionFraction;
        }
        else if (!double.IsNaN(_transmissionS))
        {
            t.TimeOfDayS = _transmissionS;
        }
    }
}
