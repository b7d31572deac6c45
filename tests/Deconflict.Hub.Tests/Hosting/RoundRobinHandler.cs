namespace Deconflict.Hub.Tests.Hosting;

/// <summary>
/// Sends each request to the next node of a cluster in turn: the first through <paramref name="first"/> (an in-process
/// server's handler, or any handler reaching it), the others over HTTP at their addresses.
/// </summary>
public sealed class RoundRobinHandler(HttpMessageHandler first, IReadOnlyList<Uri> others) : HttpMessageHandler
{
    private static int _next;
    private readonly HttpMessageInvoker _first = new(first);
    private readonly HttpMessageInvoker _others = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var node = (int)((uint)Interlocked.Increment(ref _next) % (uint)(others.Count + 1));
        if (node == 0)
        {
            return SendFirstAsync(request, cancellationToken);
        }
        request.RequestUri = new Uri(others[node - 1], request.RequestUri!.PathAndQuery);
        return _others.SendAsync(request, cancellationToken);
    }

    /// <summary>An in-process server does not follow redirects; the others' handler does, so this one does too.</summary>
    private async Task<HttpResponseMessage> SendFirstAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await _first.SendAsync(request, cancellationToken);
        if (request.Method == HttpMethod.Get && (int)response.StatusCode is 301 or 302 or 307 or 308 && response.Headers.Location is { } location)
        {
            using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(request.RequestUri!, location));
            foreach (var header in request.Headers)
            {
                again.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            response.Dispose();
            return await _first.SendAsync(again, cancellationToken);
        }
        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _first.Dispose();
            _others.Dispose();
        }
        base.Dispose(disposing);
    }
}
