using System.Runtime.InteropServices;

namespace Deconflict.Core.Tactical;

/// <summary>
/// What the pair test needs of one aircraft, packed so one cache line brings it in: earth-centred unit
/// position vector, earth-centred velocity (m/s), altitude (ft) and vertical speed (ft/s).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct AircraftState
{
    public double Ux, Uy, Uz;
    public float Vx, Vy, Vz, Alt, AltRate;
}
