using System.Runtime.InteropServices;

namespace Deconflict.Core.Tactical;

/// <summary>
/// The box an aircraft can reach within the look-ahead: earth-centred metres on three axes and feet of
/// altitude, already grown by half the separation and the flat-plane bounds. 32 bytes, two per cache line.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ReachBox
{
    public float X0, X1, Y0, Y1, Z0, Z1, A0, A1;
}
