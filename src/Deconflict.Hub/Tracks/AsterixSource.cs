using System.Globalization;
using System.Net;

namespace Deconflict.Hub.Tracks;

/// <summary>
/// One ASTERIX source to listen to: <c>udp://GROUP-OR-ADDRESS:PORT[?iface=IP][&amp;party=ID][&amp;name=NAME]</c>. A
/// multicast address is joined on the interface with address <c>iface</c> (any interface when absent); a unicast
/// address is the local address to bind (0.0.0.0 or :: for all). <c>party</c> is the party whose aircraft the
/// source carries (else the hub's default ASTERIX party); <c>name</c> names it in the audit log and the logs.
/// </summary>
public sealed record AsterixSource(IPAddress Address, int Port, IPAddress? Interface, string? Party, string Name)
{
    public bool IsMulticast => Address.IsIPv6Multicast || (Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && (Address.GetAddressBytes()[0] & 0xF0) == 0xE0);

    /// <summary>Parses a source; false with a reason naming the part that is wrong.</summary>
    public static bool TryParse(string text, out AsterixSource source, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        source = null!;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "udp")
        {
            problem = $"'{text}' is not udp://ADDRESS:PORT[?iface=IP&party=ID&name=NAME]";
            return false;
        }
        if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            problem = $"'{uri.Host}' is not an IP address (a multicast group or a local address to bind)";
            return false;
        }
        if (uri.Port is < 1 or > 65535 || uri.IsDefaultPort)
        {
            problem = $"'{text}' needs a port from 1 to 65535";
            return false;
        }
        IPAddress? iface = null;
        string? party = null;
        string? name = null;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            switch (key)
            {
                case "iface" when IPAddress.TryParse(value, out var i):
                    iface = i;
                    break;
                case "iface":
                    problem = $"iface '{value}' is not the IP address of an interface";
                    return false;
                case "party" when value.Length > 0:
                    party = value;
                    break;
                case "name" when value.Length > 0:
                    name = value;
                    break;
                default:
                    problem = $"unknown or empty parameter '{key}' (expected iface, party, name)";
                    return false;
            }
        }
        source = new AsterixSource(address, uri.Port, iface, party,
            name ?? string.Create(CultureInfo.InvariantCulture, $"asterix {uri.Host}:{uri.Port}"));
        problem = "";
        return true;
    }
}
