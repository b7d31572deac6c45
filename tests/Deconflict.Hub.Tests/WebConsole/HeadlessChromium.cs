using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Deconflict.Hub.Tests.WebConsole;

/// <summary>
/// Debian's Chromium, headless, driven over the DevTools protocol (a WebSocket): navigate, evaluate
/// JavaScript, wait for a condition, click, capture the page. Each instance has its own fresh profile
/// directory and is killed with its process tree on dispose. Every wait is bounded.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<string> _log = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _reader = Task.CompletedTask;
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Console messages, exceptions and browser log entries seen so far (for failure messages).</summary>
    public string Log => string.Join('\n', _log);

    /// <summary>Every URL the page asked for since <see cref="RecordRequestsAsync"/> (fetches, scripts, styles, fonts, images).</summary>
    public IReadOnlyCollection<string> Requests => [.. _requests];

    /// <summary>Starts recording the page's network requests into <see cref="Requests"/>.</summary>
    public async Task RecordRequestsAsync(CancellationToken ct) => await SendAsync("Network.enable", null, ct);

    public static string Executable() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            "Chromium is not installed: run scripts/ensure-packages.sh chromium=chromium (./run-tests does this).");

    public static Task<HeadlessChromium> StartAsync(int width, int height, CancellationToken ct) => StartAsync(width, height, [], ct);

    /// <summary>Starts with extra command-line switches (e.g. <c>--disable-webgl</c>).</summary>
    public static async Task<HeadlessChromium> StartAsync(int width, int height, IReadOnlyList<string> extraArgs, CancellationToken ct)
    {
        var profile = Directory.CreateTempSubdirectory("deconflict-chromium-").FullName;
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader", "--use-angle=swiftshader",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
            $"--user-data-dir={profile}", $"--window-size={width},{height}", "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
        }.Concat(extraArgs).Append("about:blank"))
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            await browser.ConnectAsync(width, height, ct);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    private async Task ConnectAsync(int width, int height, CancellationToken ct)
    {
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(portFile) || new FileInfo(portFile).Length == 0)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Chromium exited with code {_process.ExitCode} before opening DevTools.");
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("Chromium did not open its DevTools port within 30 s.");
            }
            await Task.Delay(100, ct);
        }
        var port = (await File.ReadAllLinesAsync(portFile, ct))[0].Trim();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), ct))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        await _socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), ct);
        _reader = Task.Run(ReadLoopAsync, CancellationToken.None);
        await SendAsync("Runtime.enable", null, ct);
        await SendAsync("Log.enable", null, ct);
        await SendAsync("Page.enable", null, ct);
        await SendAsync("Emulation.setDeviceMetricsOverride", new { width, height, deviceScaleFactor = 1, mobile = false }, ct);
    }

    public async Task NavigateAsync(Uri url, CancellationToken ct) =>
        await SendAsync("Page.navigate", new { url = url.ToString() }, ct);

    /// <summary>Evaluates an expression (promises awaited) and returns its JSON value.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken ct)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true }, ct);
        if (result.TryGetProperty("exceptionDetails", out var error))
        {
            throw new InvalidOperationException($"Page script failed: {error}");
        }
        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    /// <summary>Polls a boolean expression every 200 ms until it is true (a throwing expression counts as false); throws with the page log on timeout.</summary>
    public async Task WaitForAsync(string expression, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await EvaluateAsync($"(() => {{ try {{ return !!({expression}); }} catch {{ return false; }} }})()", ct);
            if (value.ValueKind == JsonValueKind.True)
            {
                return;
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for `{expression}`. Page log:\n{Log}");
            }
            await Task.Delay(200, ct);
        }
    }

    /// <summary>A real mouse click (move, press, release) at page pixel (x, y); clickCount 2 for the second click of a double click.</summary>
    public async Task ClickAsync(double x, double y, CancellationToken ct, int clickCount = 1)
    {
        await SendAsync("Input.dispatchMouseEvent", new { type = "mouseMoved", x, y }, ct);
        await SendAsync("Input.dispatchMouseEvent", new { type = "mousePressed", x, y, button = "left", clickCount }, ct);
        await SendAsync("Input.dispatchMouseEvent", new { type = "mouseReleased", x, y, button = "left", clickCount }, ct);
    }

    public async Task<byte[]> CaptureAsync(CancellationToken ct)
    {
        var shot = await SendAsync("Page.captureScreenshot", new { format = "png" }, ct);
        return Convert.FromBase64String(shot.GetProperty("data").GetString()!);
    }

    private async Task<JsonElement> SendAsync(string method, object? parameters, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await using var registration = timeout.Token.Register(() => reply.TrySetException(new TimeoutException($"DevTools call {method} timed out.")));
        var message = await reply.Task;
        if (message.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"DevTools {method} failed: {error}");
        }
        return message.GetProperty("result");
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var part = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (part.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                {
                    continue;
                }
                Dispatch(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // browser closed or test ended
        }
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new InvalidOperationException("The DevTools connection closed."));
        }
    }

    private void Dispatch(JsonElement message)
    {
        if (message.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var reply))
        {
            reply.TrySetResult(message);
            return;
        }
        if (!message.TryGetProperty("method", out var method))
        {
            return;
        }
        var p = message.GetProperty("params");
        switch (method.GetString())
        {
            case "Runtime.consoleAPICalled":
                var text = new StringBuilder(p.GetProperty("type").GetString()).Append(':');
                foreach (var arg in p.GetProperty("args").EnumerateArray())
                {
                    text.Append(' ').Append(arg.TryGetProperty("value", out var v) ? v.ToString() : arg.GetProperty("type").GetString());
                }
                _log.Enqueue(text.ToString());
                break;
            case "Runtime.exceptionThrown":
                _log.Enqueue("exception: " + p.GetProperty("exceptionDetails").ToString());
                break;
            case "Network.requestWillBeSent":
                _requests.Enqueue(p.GetProperty("request").GetProperty("url").GetString()!);
                break;
            case "Log.entryAdded":
                var entry = p.GetProperty("entry");
                _log.Enqueue($"{entry.GetProperty("level").GetString()}: {entry.GetProperty("text").GetString()}");
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // already gone
        }
        try
        {
            await _reader.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // the socket read did not notice the closed browser; it ends with the process
        }
        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                Directory.Delete(_profile, recursive: true);
                break;
            }
            catch (IOException)
            {
                await Task.Delay(200);
            }
        }
    }
}
