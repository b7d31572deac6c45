namespace Deconflict.Core.Asterix;

/// <summary>The framing of an ASTERIX recording.</summary>
public enum CaptureFormat
{
    /// <summary>Concatenated data blocks with no timestamps (a <c>.ast</c> file).</summary>
    Raw,

    /// <summary>libpcap capture.</summary>
    Pcap,

    /// <summary>pcapng capture.</summary>
    PcapNg,
}
