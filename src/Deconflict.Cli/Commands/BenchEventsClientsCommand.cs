using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Deconflict.Cli.Commands;

/// <summary>
/// The subscribers of <c>bench events</c> in a process of their own (started by that bench), so the measured
/// latency is the hub's and not the clients' share of one process. Opens the streams, says <c>ready</c>, reports how
/// many conflict frames arrived every 100 ms, and on <c>stop</c> (stdin) prints each arrival as
/// <c>sequence ticks</c> (<see cref="Stopwatch"/> ticks: the monotonic clock the hub's process reads too) and <c>end</c>.
/// </summary>
internal static class BenchEventsClientsCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Required = true, Description = "The hub's base address." };
        var keys = new Option<string>("--keys") { Required = true, Description = "Comma-separated API keys; streams take them in turn." };
        var subscribers = new Option<int>("--subscribers") { DefaultValueFactory = _ => 1000, Description = "Event streams to open." };
        var command = new Command("events-clients", "The subscriber side of 'bench events' in a process of its own (started by 'bench events'; prints arrival times).") { url, keys, subscribers };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(subscribers);
            if (n is < 1 or > 10_000)
            {
                throw new InputException("--subscribers must be 1..10000");
            }
            var keyList = parse.GetValue(keys)!.Split(',', StringSplitOptions.RemoveEmptyEntries);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue })
            {
                BaseAddress = new Uri(parse.GetValue(url)!),
                Timeout = Timeout.InfiniteTimeSpan,
            };
            var received = new ConcurrentQueue<(long Seq, long At)>();
            var streams = new List<Task>();
            for (var i = 0; i < n; i++)
            {
                var ready = new TaskCompletionSource();
                streams.Add(ReadStreamAsync(http, keyList[i % keyList.Length], received, ready, stop.Token));
                await ready.Task.WaitAsync(TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
            }
            Console.Out.WriteLine("ready");
            Console.Out.Flush();
            var stopped = Task.Run(async () =>
            {
                while (await Console.In.ReadLineAsync(ct).ConfigureAwait(false) is { } line && line != "stop")
                {
                }
            }, CancellationToken.None);
            while (!stopped.IsCompleted)
            {
                Console.Out.WriteLine("received " + received.Count.ToString(CultureInfo.InvariantCulture));
                Console.Out.Flush();
                await Task.WhenAny(stopped, Task.Delay(100, CancellationToken.None)).ConfigureAwait(false);
            }
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(streams.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            var output = new StringBuilder();
            foreach (var (seq, at) in received)
            {
                output.Append(seq.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(at.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
            Console.Out.Write(output.Append("end\n").ToString());
            Console.Out.Flush();
            return 0;
        });
        return command;
    }

    /// <summary>Reads one event stream until cancelled, stamping each conflict frame when its closing blank line arrives.</summary>
    internal static async Task ReadStreamAsync(HttpClient http, string key, ConcurrentQueue<(long, long)> received, TaskCompletionSource ready, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            using var reader = new StreamReader(body, Encoding.UTF8);
            long id = 0;
            var type = "";
            while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
            {
                if (line.StartsWith(": connected", StringComparison.Ordinal))
                {
                    ready.TrySetResult();
                }
                else if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    id = long.Parse(line.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    type = line[7..];
                }
                else if (line.Length == 0)
                {
                    if (type == "conflict")
                    {
                        received.Enqueue((id, Stopwatch.GetTimestamp()));
                    }
                    type = "";
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            ready.TrySetException(e);
        }
    }
}
