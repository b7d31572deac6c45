using System.Net.Http.Headers;
using System.Text;

namespace Deconflict.Hub.Tests.Hosting;

/// <summary>A minimal Server-Sent Events reader over a real HTTP connection.</summary>
public sealed class SseClient : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseClient(HttpClient client, HttpResponseMessage response, StreamReader reader)
    {
        _client = client;
        _response = response;
        _reader = reader;
    }

    public sealed record Event(string? Id, string Type, string Data);

    /// <summary>True once the server ended the stream (as opposed to a read that timed out).</summary>
    public bool Ended { get; private set; }

    public static async Task<SseClient> ConnectAsync(Uri baseAddress, string key, string? lastEventId = null)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/event-stream");
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        var sse = new SseClient(client, response, reader);
        // The server sends a comment once subscribed: after it, nothing published can be missed.
        var first = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        first.ShouldNotBeNull();
        return sse;
    }

    /// <summary>Reads events until one matches or the time runs out; returns every event read.</summary>
    public async Task<List<Event>> ReadUntilAsync(Func<Event, bool> stop, TimeSpan timeout)
    {
        var events = new List<Event>();
        using var cts = new CancellationTokenSource(timeout);
        string? id = null, type = null;
        var data = new StringBuilder();
        try
        {
            while (true)
            {
                var line = await _reader.ReadLineAsync(cts.Token);
                if (line is null)
                {
                    Ended = true;
                    return events;
                }
                if (line.Length == 0)
                {
                    if (type is not null)
                    {
                        var e = new Event(id, type, data.ToString());
                        events.Add(e);
                        if (stop(e))
                        {
                            return events;
                        }
                    }
                    id = null;
                    type = null;
                    data.Clear();
                }
                else if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    id = line[4..];
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    type = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data.Append(line[6..]);
                }
            }
        }
        catch (OperationCanceledException)
        {
            return events;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        _client.Dispose();
        await Task.CompletedTask;
    }
}
