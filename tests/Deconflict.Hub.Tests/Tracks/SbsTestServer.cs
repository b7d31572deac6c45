using System.Net;
using System.Net.Sockets;

namespace Deconflict.Hub.Tests.Tracks;

/// <summary>
/// A test double of an SBS-1 feed (dump1090's port 30003) on 127.0.0.1:0: each accepted connection is
/// served by the script for that connection number (0, 1, ...), then closed. Bounded in time.
/// </summary>
public sealed class SbsTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _connections;

    public SbsTestServer(Func<int, NetworkStream, CancellationToken, Task> serve)
    {
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                var n = Interlocked.Increment(ref _connections) - 1;
                using (client)
                {
                    try
                    {
                        await serve(n, client.GetStream(), _stop.Token).WaitAsync(TimeSpan.FromSeconds(60), _stop.Token);
                    }
                    catch (Exception e) when (e is IOException or OperationCanceledException or TimeoutException or SocketException)
                    {
                    }
                }
            }
        });
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
