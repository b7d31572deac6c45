using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace Deconflict.Cli.Commands;

/// <summary>
/// Says in one line that an address <c>serve</c> should listen on is taken (typically by a hub already running,
/// such as the demo), instead of the web host's logged stack trace. The addresses are tried before the hub
/// starts; a bind that still fails at start (another process took the port meanwhile) gives the same line.
/// </summary>
internal static class ListenAddresses
{
    public static void EnsureFree(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException e)
            {
                throw new InputException($"--urls: '{url}' is not an address such as http://127.0.0.1:5080 ({e.Message})");
            }
            if (address.IsUnixPipe || address.Port == 0)
            {
                continue;
            }
            var ip = address.Host switch
            {
                "localhost" => IPAddress.Loopback,
                "*" or "+" => IPAddress.Any,
                var h when IPAddress.TryParse(h.Trim('[', ']'), out var parsed) => parsed,
                _ => null,
            };
            if (ip is null)
            {
                continue;
            }
            // SO_REUSEADDR as Kestrel sets it: a port held in TIME_WAIT is free, one with a listener is not.
            using var probe = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            probe.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            try
            {
                probe.Bind(new IPEndPoint(ip, address.Port));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw InUse(url, address.Port);
            }
            catch (SocketException)
            {
                // Anything else (no IPv6, an address not on this machine) is the web host's to report.
            }
        }
    }

    /// <summary>The one-line message for a port that is taken; null when <paramref name="e"/> is another failure.</summary>
    public static InputException? Explain(Exception e, string urls) =>
        e is IOException { InnerException: AddressInUseException } ? InUse(urls, BindingAddress.Parse(urls.Split(';')[0]).Port) : null;

    private static InputException InUse(string url, int port) =>
        new($"{url}: port {port} is already in use (is another hub running, such as the demo?); stop it, or listen elsewhere with --urls http://127.0.0.1:{(port == 65535 ? 5081 : port + 1)}");
}
