using System.Globalization;
using System.Text.Json;

namespace Deconflict.Hub.Tests.WebConsole;

/// <summary>
/// One console in Chromium, signed in as a party, driven step by step: a step that fails saves a screenshot
/// named after it (in <c>DECONFLICT_CONSOLE_SHOTS</c>, else the temporary directory) before the failure is
/// reported; <see cref="ShotAsync"/> saves the pictures the README shows.
/// </summary>
internal sealed class ConsoleSteps(HeadlessChromium browser, string name)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public HeadlessChromium Browser { get; } = browser;

    public static string ShotDirectory { get; } = Environment.GetEnvironmentVariable("DECONFLICT_CONSOLE_SHOTS") is { Length: > 0 } dir
        ? Directory.CreateDirectory(dir).FullName
        : Path.GetTempPath();

    public static async Task<ConsoleSteps> OpenAsync(ConsoleHub hub, string key, string name, CancellationToken ct, int width = 1400, int height = 850, IReadOnlyList<string>? args = null)
    {
        var browser = await HeadlessChromium.StartAsync(width, height, args ?? [], ct);
        var steps = new ConsoleSteps(browser, name);
        await steps.Step("sign in", async () =>
        {
            await browser.NavigateAsync(new Uri(hub.Address, "/#key=" + Uri.EscapeDataString(key)), ct);
            await browser.WaitForAsync("document.body.dataset.console === 'ready'", Patience, ct);
        }, ct);
        return steps;
    }

    public async Task Step(string step, Func<Task> action, CancellationToken ct)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var path = Path.Combine(ShotDirectory, $"failed-{name}-{new string([.. step.Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')])}.png");
            try
            {
                await File.WriteAllBytesAsync(path, await Browser.CaptureAsync(ct), ct);
            }
            catch (Exception shot) when (shot is InvalidOperationException or TimeoutException or IOException)
            {
                path = $"(no screenshot: {shot.Message})";
            }
            throw new InvalidOperationException($"Step '{step}' of {name} failed (screenshot {path}): {e.Message}\nPage log:\n{Browser.Log}", e);
        }
    }

    public async Task<string> ShotAsync(string file, CancellationToken ct)
    {
        var path = Path.Combine(ShotDirectory, file);
        var png = await Browser.CaptureAsync(ct);
        png.Length.ShouldBeGreaterThan(10_000);
        await File.WriteAllBytesAsync(path, png, ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
        return path;
    }

    public Task WaitAsync(string expression, CancellationToken ct) => Browser.WaitForAsync(expression, Patience, ct);

    public Task<JsonElement> EvalAsync(string expression, CancellationToken ct) => Browser.EvaluateAsync(expression, ct);

    public async Task<string> TextAsync(string expression, CancellationToken ct) => (await Browser.EvaluateAsync(expression, ct)).ToString();

    /// <summary>Clicks the map at a geographic position (projected by the console's own map).</summary>
    public async Task ClickMapAsync(double lon, double lat, CancellationToken ct, int clickCount = 1)
    {
        var at = await Browser.EvaluateAsync(
            "(() => { const m = window.deconflict.map; const p = m.project([" + Inv(lon) + "," + Inv(lat) + "]); const r = m.getCanvas().getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; })()", ct);
        await Browser.ClickAsync(at[0].GetDouble(), at[1].GetDouble(), ct, clickCount);
    }

    /// <summary>Sets an input's value as typing would and fires input/change.</summary>
    public Task SetAsync(string id, string value, CancellationToken ct) => Browser.EvaluateAsync(
        $"(() => {{ const e = document.getElementById('{id}'); e.value = {JsonSerializer.Serialize(value)}; e.dispatchEvent(new Event('input', {{ bubbles: true }})); e.dispatchEvent(new Event('change', {{ bubbles: true }})); }})()", ct);

    public Task ClickAsync(string selector, CancellationToken ct) =>
        Browser.EvaluateAsync($"document.querySelector({JsonSerializer.Serialize(selector)}).click()", ct);

    /// <summary>Waits until the map has gone idle after now (so its rendered counts are current).</summary>
    public async Task SettleAsync(CancellationToken ct)
    {
        var before = (await Browser.EvaluateAsync("performance.now()", ct)).GetDouble();
        await Browser.EvaluateAsync("window.deconflict.map.triggerRepaint()", ct);
        await WaitAsync($"Number(document.getElementById('map').dataset.idleAt) > {Inv(before)}", ct);
    }

    private static string Inv(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
