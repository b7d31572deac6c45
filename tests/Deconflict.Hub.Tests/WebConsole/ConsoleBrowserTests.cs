using System.Text.Json;

namespace Deconflict.Hub.Tests.WebConsole;

/// <summary>
/// The console in a real browser (Debian's Chromium, headless) against a real hub seeded through its
/// API: the map renders the offline basemap and the party's objects, the lists show what the party may
/// see, and sections the hub does not serve say so instead of failing.
/// </summary>
public sealed class ConsoleBrowserTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Console_shows_the_map_lists_and_inbox_of_the_signed_in_party()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var hub = await ConsoleHub.StartAsync(ct);
        var scenario = await ConsoleScenario.SeedAsync(hub, ct);
        await using var browser = await HeadlessChromium.StartAsync(1400, 850, ct);

        await browser.NavigateAsync(new Uri(hub.Address, "/#key=" + Uri.EscapeDataString(scenario.CoalitionKey)), ct);
        await browser.WaitForAsync("document.body.dataset.console === 'ready'", Patience, ct);

        // The key left the address bar and stays in this tab's session storage only.
        (await browser.EvaluateAsync("location.hash", ct)).GetString().ShouldBe("");
        (await browser.EvaluateAsync("sessionStorage.getItem('deconflict.key')", ct)).GetString().ShouldBe(scenario.CoalitionKey);

        // The map drew the offline basemap (countries from the npm package) on a WebGL canvas.
        await browser.WaitForAsync("Number(document.getElementById('map').dataset.renderedLand) > 0", Patience, ct);
        var canvas = await browser.EvaluateAsync(
            "(() => { const c = document.querySelector('#map canvas.maplibregl-canvas'); return c ? [c.width, c.height] : null; })()", ct);
        canvas.ValueKind.ShouldBe(JsonValueKind.Array, browser.Log);
        canvas[0].GetInt32().ShouldBeGreaterThan(300);
        canvas[1].GetInt32().ShouldBeGreaterThan(300);

        if (scenario.Intents)
        {
            await browser.WaitForAsync("document.querySelectorAll('#intent-list li[data-intent-id]').length >= 2", Patience, ct);
            await browser.WaitForAsync("Number(document.getElementById('map').dataset.renderedVolumes) >= 2", Patience, ct);
            var ids = await Texts(browser, "#intent-list li[data-intent-id]", "intentId", ct);
            ids.ShouldContain("COAL-CAP-1");
            ids.ShouldContain("NAF-ORBIT-7");
        }
        else
        {
            await ExpectUnavailable(browser, "intents", ct);
        }

        if (scenario.Conflicts && scenario.Intents)
        {
            await browser.WaitForAsync("document.querySelectorAll('#conflict-list li[data-conflict-id]').length >= 1", Patience, ct);
            var text = (await browser.EvaluateAsync("document.getElementById('conflict-list').innerText", ct)).GetString()!;
            text.ShouldContain("STRATEGIC");
            text.ShouldContain("coalition");
            text.ShouldContain("northern-af");
            text.ShouldContain("COAL-CAP-1");
            (await browser.EvaluateAsync("document.getElementById('count-conflicts').textContent", ct)).GetString().ShouldNotBe("");
        }
        else if (scenario.Conflicts)
        {
            await browser.WaitForAsync("document.getElementById('status-conflicts').dataset.status === 'ok'", Patience, ct);
        }
        else
        {
            await ExpectUnavailable(browser, "conflicts", ct);
        }

        if (scenario.Tracks)
        {
            // The track list is built while its tab is shown (with thousands of tracks it would cost the map frames).
            await browser.EvaluateAsync("document.querySelector('[data-tab=tracks]').click()", ct);
            await browser.WaitForAsync("document.querySelectorAll('#track-list li[data-track-id]').length >= 3", Patience, ct);
            await browser.WaitForAsync("Number(document.getElementById('map').dataset.renderedTracks) >= 3", Patience, ct);
            var ids = await Texts(browser, "#track-list li[data-track-id]", "trackId", ct);
            ids.ShouldContain("RFF101");
            ids.ShouldContain("NAF21");
        }
        else
        {
            await ExpectUnavailable(browser, "tracks", ct);
        }

        if (scenario.Sites)
        {
            await browser.WaitForAsync("document.querySelectorAll('#site-list li[data-site-id]').length >= 1", Patience, ct);
            (await Texts(browser, "#site-list li[data-site-id]", "siteId", ct)).ShouldContain("FIELD-HOSPITAL-1");
            (await browser.EvaluateAsync("document.getElementById('site-list').innerText", ct)).GetString()!.ShouldContain("Field hospital");
            await browser.WaitForAsync("Number(document.getElementById('map').dataset.renderedSites) >= 1", Patience, ct);
        }
        else
        {
            await ExpectUnavailable(browser, "sites", ct);
        }

        if (scenario.Hotline && scenario.ThreadId is not null)
        {
            await browser.EvaluateAsync("document.querySelector('[data-tab=inbox]').click()", ct);
            await browser.WaitForAsync("document.querySelector('#inbox-list li[data-thread-id] button')", Patience, ct);
            await browser.EvaluateAsync("document.querySelector('#inbox-list li[data-thread-id] button').click()", ct);
            await browser.WaitForAsync("document.querySelectorAll('#thread .message').length >= 1", Patience, ct);
            (await browser.EvaluateAsync("document.getElementById('thread').innerText", ct)).GetString()!.ShouldContain("250");
            // Answer with a structured message from the console's form.
            await browser.EvaluateAsync(
                "(() => { const s = document.getElementById('msg-template'); s.value = 'WILCO'; s.dispatchEvent(new Event('change')); " +
                "document.querySelector('#thread form.compose').requestSubmit(); })()", ct);
            await browser.WaitForAsync("document.querySelectorAll('#thread .message').length >= 2", Patience, ct);
            // The sender is told the message went, and the notice survives the thread being rebuilt (reopened here).
            await browser.WaitForAsync("document.querySelector('#thread .sent-notice').textContent.startsWith('Sent: WILCO')", Patience, ct);
            await browser.EvaluateAsync("document.querySelector('#inbox-list li[data-thread-id] button').click()", ct);
            await browser.WaitForAsync("document.querySelectorAll('#thread .message').length >= 2", Patience, ct);
            (await browser.EvaluateAsync("document.querySelector('#thread .sent-notice').textContent", ct)).GetString()!.ShouldStartWith("Sent: WILCO at ");
            // The answer names the message it answers by what it was and when, not by its id.
            var thread = (await browser.EvaluateAsync("document.getElementById('thread').innerText", ct)).GetString()!;
            thread.ShouldContain("will comply with the altitude change request of ");
            thread.ShouldNotContain("message msg-");
        }
        else if (scenario.Hotline)
        {
            await browser.WaitForAsync("document.getElementById('status-inbox').dataset.status === 'ok'", Patience, ct);
        }
        else
        {
            await ExpectUnavailable(browser, "inbox", ct);
        }

        // The event stream connected with the key in a header (fetch streaming), or the hub has none.
        await browser.WaitForAsync("['live', 'unavailable'].includes(document.getElementById('stream').dataset.state)", Patience, ct);

        if (scenario.Intents)
        {
            // A change made elsewhere reaches the open console through the event stream, without a reload
            // (while the stream is live the console re-reads intents only when an intent event arrives).
            await browser.WaitForAsync("document.getElementById('stream').dataset.state === 'live'", Patience, ct);
            await scenario.DeclareAreaAsync(hub, "COAL-AREA-2", ct);
            await browser.WaitForAsync("document.querySelector('#intent-list li[data-intent-id=\"COAL-AREA-2\"]')", Patience, ct);
            await browser.WaitForAsync("Number(document.getElementById('map').dataset.renderedVolumes) >= 3", Patience, ct);
        }

        await browser.EvaluateAsync("document.querySelector('[data-tab=conflicts]').click()", ct);
        var png = await browser.CaptureAsync(ct);
        png.Length.ShouldBeGreaterThan(10_000);
        var shot = Environment.GetEnvironmentVariable("DECONFLICT_CONSOLE_SCREENSHOT") is { Length: > 0 } path
            ? path
            : Path.Combine(Path.GetTempPath(), "deconflict-console.png");
        await File.WriteAllBytesAsync(shot, png, ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {shot}");
        browser.Log.ShouldNotContain("Content Security Policy");
        browser.Log.ShouldNotContain("exception:");
    }

    [Fact]
    public async Task Console_rejects_a_wrong_key_with_a_message_and_no_console()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await using var hub = await ConsoleHub.StartAsync(ct);
        await using var browser = await HeadlessChromium.StartAsync(1000, 700, ct);

        await browser.NavigateAsync(new Uri(hub.Address, "/#key=not-a-key"), ct);
        await browser.WaitForAsync("!document.getElementById('signin-error').hidden", Patience, ct);
        (await browser.EvaluateAsync("document.getElementById('signin-error').textContent", ct)).GetString()!.ShouldContain("rejected");
        (await browser.EvaluateAsync("document.getElementById('app').hidden", ct)).GetBoolean().ShouldBeTrue();
        (await browser.EvaluateAsync("sessionStorage.getItem('deconflict.key')", ct)).ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Revoking_the_key_returns_the_open_console_to_sign_in()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await using var hub = await ConsoleHub.StartAsync(ct);
        var (id, key, keyId) = await hub.CreatePartyAsync("observer-2", "observer", ct);
        await using var browser = await HeadlessChromium.StartAsync(1000, 700, ct);
        await browser.NavigateAsync(new Uri(hub.Address, "/#key=" + Uri.EscapeDataString(key)), ct);
        await browser.WaitForAsync("document.body.dataset.console === 'ready'", Patience, ct);

        using (var admin = hub.Client(ConsoleHub.AdminKey))
        using (var revoked = await admin.DeleteAsync(new Uri($"/api/v1/parties/{id}/keys/{keyId}", UriKind.Relative), ct))
        {
            ((int)revoked.StatusCode).ShouldBe(204);
        }

        // The console notices at its next read of the lists (every 15 s) and asks for a current key.
        await browser.WaitForAsync("!document.getElementById('signin').hidden && document.getElementById('app').hidden", TimeSpan.FromSeconds(40), ct);
        (await browser.EvaluateAsync("document.getElementById('signin-error').textContent", ct)).GetString()!.ShouldContain("no longer accepts");
        (await browser.EvaluateAsync("sessionStorage.getItem('deconflict.key')", ct)).ValueKind.ShouldBe(JsonValueKind.Null);
    }

    private static async Task ExpectUnavailable(HeadlessChromium browser, string section, CancellationToken ct)
    {
        await browser.WaitForAsync($"document.getElementById('status-{section}').dataset.status === 'unavailable'", Patience, ct);
        (await browser.EvaluateAsync($"document.getElementById('status-{section}').textContent", ct)).GetString()!
            .ShouldContain("not available on this hub");
    }

    private static async Task<List<string>> Texts(HeadlessChromium browser, string selector, string dataKey, CancellationToken ct)
    {
        var values = await browser.EvaluateAsync($"[...document.querySelectorAll('{selector}')].map(e => e.dataset.{dataKey})", ct);
        return [.. values.EnumerateArray().Select(v => v.GetString()!)];
    }
}
