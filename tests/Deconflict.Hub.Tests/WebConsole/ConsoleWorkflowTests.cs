namespace Deconflict.Hub.Tests.WebConsole;

/// <summary>
/// The console as the liaison officer works it, in Debian's headless Chromium against a real hub on loopback:
/// declaring by drawing (refused, then an alternative accepted), the time cursor and the flight-level filter,
/// the vertical profile, acknowledging a site, the Russian interface, urgency of a new tactical conflict and
/// the message shown without WebGL. Each step saves a screenshot when it fails.
/// </summary>
public sealed class ConsoleWorkflowTests
{
    [Fact]
    public async Task An_intent_drawn_on_the_map_is_refused_for_a_blocking_conflict_and_the_offered_alternative_is_accepted()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var hub = await ConsoleHub.StartAsync(ct);
        var scenario = await ConsoleScenario.SeedAsync(hub, ct);
        var s = await ConsoleSteps.OpenAsync(hub, scenario.CoalitionKey, "declare", ct);
        await using var browser = s.Browser;

        await s.Step("draw a circle over the air force's orbit", async () =>
        {
            await s.ClickAsync("[data-tab=declare]", ct);
            await s.ClickAsync("[data-tool=circle]", ct);
            await s.WaitAsync("document.body.dataset.tool === 'circle'", ct);
            await s.ClickMapAsync(38.0, 35.1, ct);
            await s.ClickMapAsync(38.12, 35.1, ct);
            await s.WaitAsync("document.getElementById('declare-shape').textContent.includes('km')", ct);
            (await s.TextAsync("document.getElementById('declare-shape').textContent", ct)).ShouldContain("Circle");
        }, ct);

        await s.Step("set the band into the orbit's and submit: refused", async () =>
        {
            await s.SetAsync("declare-id", "COAL-DRAWN-1", ct);
            await s.SetAsync("declare-lower", "29000", ct);
            await s.SetAsync("declare-upper", "33000", ct);
            await s.SetAsync("declare-priority", "0", ct);
            await s.ClickAsync("#declare-submit", ct);
            await s.WaitAsync("document.getElementById('panel-declare').dataset.outcome === 'refused'", ct);
            await s.WaitAsync("document.querySelector('#declare-result [data-blocking=true]')", ct);
            (await s.TextAsync("document.getElementById('declare-result').innerText", ct)).ShouldContain("NAF-ORBIT-7");
            await s.WaitAsync("document.querySelectorAll('#declare-result button.alt').length >= 1", ct);
        }, ct);
        await s.EvalAsync("document.getElementById('declare-result').scrollIntoView({ block: 'end' })", ct);
        await s.ShotAsync("console-declare.png", ct);

        await s.Step("take the nearest band above the hub offers: one click declares it", async () =>
        {
            (await s.TextAsync("document.querySelector('#declare-result button.alt[data-alternative=above]').textContent", ct)).ShouldContain("7000 ft");
            await s.ClickAsync("#declare-result button.alt[data-alternative=above]", ct);
            await s.WaitAsync("document.getElementById('panel-declare').dataset.outcome === 'accepted'", ct);
            (await s.TextAsync("document.getElementById('declare-lower').value", ct)).ShouldBe("36000");
            await s.WaitAsync("document.querySelector('#intent-list li[data-intent-id=\"COAL-DRAWN-1\"]')", ct);
        }, ct);
        using var c = hub.Client(scenario.CoalitionKey);
        using var stored = await c.GetAsync(new Uri("/api/v1/intents/COAL-DRAWN-1", UriKind.Relative), ct);
        var body = await stored.Content.ReadAsStringAsync(ct);
        ((int)stored.StatusCode).ShouldBe(200, body);
        body.ShouldContain("\"radius_m\"");
        body.ShouldContain("36000");
        browser.Log.ShouldNotContain("exception:");
    }

    [Fact]
    public async Task The_time_cursor_and_the_flight_level_band_choose_what_the_map_shows_and_the_profile_shows_the_overlap()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var hub = await ConsoleHub.StartAsync(ct);
        var scenario = await ConsoleScenario.SeedAsync(hub, ct);
        await scenario.DeclareLaterAsync(hub, "COAL-LATER", 3, 5, ct);
        var s = await ConsoleSteps.OpenAsync(hub, scenario.CoalitionKey, "time", ct);
        await using var browser = s.Browser;
        const string Rendered = "document.getElementById('map').dataset.renderedVolumeIds.split(',')";

        await s.Step("live: the later volume is not shown", async () =>
        {
            await s.WaitAsync($"{Rendered}.includes('COAL-CAP-1') && {Rendered}.includes('NAF-ORBIT-7')", ct);
            await s.EvalAsync("void window.deconflict.map.jumpTo({ center: [37.4, 34.8], zoom: 7 })", ct);
            await s.SettleAsync(ct);
            (await s.TextAsync("document.getElementById('map').dataset.renderedVolumeIds", ct)).ShouldNotContain("COAL-LATER");
        }, ct);

        await s.Step("cursor 4 h ahead: the later volume appears, the current ones are gone", async () =>
        {
            await s.SetAsync("time-cursor", "240", ct);
            await s.WaitAsync($"{Rendered}.includes('COAL-LATER') && !{Rendered}.includes('COAL-CAP-1')", ct);
        }, ct);
        await s.ShotAsync("console-timeline.png", ct);

        await s.Step("cursor 6 h ahead: it has gone again; back to live", async () =>
        {
            await s.SetAsync("time-cursor", "360", ct);
            await s.WaitAsync($"!{Rendered}.includes('COAL-LATER')", ct);
            await s.ClickAsync("#time-live", ct);
            await s.WaitAsync($"{Rendered}.includes('COAL-CAP-1') && !{Rendered}.includes('COAL-LATER')", ct);
        }, ct);

        await s.Step("from FL340 up: the corridor (to FL330) and the aircraft at FL220 leave the map, the orbit (to FL360) stays", async () =>
        {
            // Fresh reports (the seeded ones may have gone stale): two aircraft at FL220.
            await scenario.ReportClosePairAsync(hub, "RFF501", "NAF501", ct);
            await s.WaitAsync("document.getElementById('map').dataset.renderedTrackIds.split(',').includes('RFF501')", ct);
            await s.SetAsync("band-lower", "340", ct);
            await s.WaitAsync($"document.body.dataset.band === '340-660' && !{Rendered}.includes('COAL-CAP-1') && {Rendered}.includes('NAF-ORBIT-7')", ct);
            await s.WaitAsync("!document.getElementById('map').dataset.renderedTrackIds.split(',').includes('RFF501')", ct);
            await s.SetAsync("band-lower", "0", ct);
            await s.WaitAsync($"{Rendered}.includes('COAL-CAP-1')", ct);
        }, ct);

        await s.Step("the profile of the strategic conflict shows both intents and the overlap", async () =>
        {
            await s.ClickAsync("[data-tab=conflicts]", ct);
            await s.WaitAsync("document.querySelector('#conflict-list li[data-kind=strategic]')", ct);
            await s.ClickAsync("#conflict-list li[data-kind=strategic] .actions button:nth-child(2)", ct);
            await s.WaitAsync("!document.getElementById('profile').hidden && document.getElementById('profile').dataset.items === '2' && document.getElementById('profile').dataset.overlaps === '1'", ct);
            (await s.TextAsync("document.getElementById('profile').textContent", ct)).ShouldContain("NAF-ORBIT-7");
            await s.WaitAsync("document.querySelectorAll('#profile svg rect.overlap').length === 1", ct);
        }, ct);
        await s.ShotAsync("console-profile.png", ct);
        browser.Log.ShouldNotContain("exception:");
    }

    [Fact]
    public async Task A_site_acknowledged_from_one_partys_console_shows_as_acknowledged_in_its_owners()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var hub = await ConsoleHub.StartAsync(ct);
        var scenario = await ConsoleScenario.SeedAsync(hub, ct);
        var owner = await ConsoleSteps.OpenAsync(hub, scenario.ReliefKey, "site-owner", ct);
        await using var ownerBrowser = owner.Browser;
        const string Row = "#site-list li[data-site-id=\"FIELD-HOSPITAL-1\"]";
        await owner.Step("the owner sees the coalition's acknowledgement pending", async () =>
        {
            await owner.ClickAsync("[data-tab=sites]", ct);
            await owner.WaitAsync($"document.querySelector('{Row} .acks')?.innerText.includes('Awaiting coalition')", ct);
        }, ct);

        var coalition = await ConsoleSteps.OpenAsync(hub, scenario.CoalitionKey, "site-ack", ct);
        await using (coalition.Browser)
        {
            await coalition.Step("the coalition acknowledges the notification", async () =>
            {
                await coalition.ClickAsync("[data-tab=sites]", ct);
                await coalition.WaitAsync($"document.querySelector('{Row} button.ack-site')", ct);
                await coalition.ClickAsync($"{Row} button.ack-site", ct);
                await coalition.WaitAsync($"!document.querySelector('{Row} button.ack-site') && document.querySelector('{Row}').innerText.includes('ACKNOWLEDGED')", ct);
            }, ct);
        }

        await owner.Step("the owner's console shows it (site event, no reload)", async () =>
        {
            await owner.WaitAsync($"document.querySelector('{Row} .acks').innerText.includes('Acknowledged by coalition')", ct);
            (await owner.TextAsync($"document.querySelector('{Row} .acks').innerText", ct)).ShouldNotContain("Awaiting");
        }, ct);
        ownerBrowser.Log.ShouldNotContain("exception:");
    }

    [Fact]
    public async Task The_air_force_reads_the_console_in_its_agreed_language_russian_and_can_switch()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var hub = await ConsoleHub.StartAsync(ct);
        var scenario = await ConsoleScenario.SeedAsync(hub, ct);
        var s = await ConsoleSteps.OpenAsync(hub, scenario.AirForceKey, "russian", ct);
        await using var browser = s.Browser;

        await s.Step("Russian by default (the agreement's language for the air force)", async () =>
        {
            await s.WaitAsync("document.documentElement.lang === 'ru'", ct);
            (await s.TextAsync("document.querySelector('[data-tab=conflicts]').innerText", ct)).ShouldContain("Конфликты");
            (await s.TextAsync("document.getElementById('time-live').textContent", ct)).ShouldBe("Сейчас");
            await s.WaitAsync("document.getElementById('conflict-list').innerText.includes('СТРАТЕГИЧЕСКИЙ')", ct);
            (await s.TextAsync("document.getElementById('status-conflicts').textContent", ct)).ShouldContain("открытых конфликтов");
            await s.ClickAsync("[data-tab=declare]", ct);
            (await s.TextAsync("document.getElementById('declare-submit').textContent", ct)).ShouldBe("Подать");
            await s.ClickAsync("[data-tab=conflicts]", ct);
        }, ct);
        await s.ShotAsync("console-russian.png", ct);

        await s.Step("switch to English and back", async () =>
        {
            await s.SetAsync("lang", "en", ct);
            await s.WaitAsync("document.documentElement.lang === 'en' && document.querySelector('[data-tab=conflicts]').innerText.includes('Conflicts')", ct);
            (await s.TextAsync("document.getElementById('conflict-list').innerText", ct)).ShouldContain("STRATEGIC");
            await s.SetAsync("lang", "ru", ct);
            await s.WaitAsync("document.querySelector('[data-tab=intents]').innerText === 'Намерения'", ct);
        }, ct);
        browser.Log.ShouldNotContain("exception:");
    }

    [Fact]
    public async Task A_new_tactical_conflict_sorts_first_and_chimes_when_sound_is_on()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var hub = await ConsoleHub.StartAsync(ct);
        var scenario = await ConsoleScenario.SeedAsync(hub, ct);
        var s = await ConsoleSteps.OpenAsync(hub, scenario.CoalitionKey, "tactical", ct);
        await using var browser = s.Browser;

        await s.Step("strategic conflicts listed; sound switched on", async () =>
        {
            await s.WaitAsync("document.querySelector('#conflict-list li[data-kind=strategic]')", ct);
            await s.WaitAsync("document.getElementById('stream').dataset.state === 'live'", ct);
            await s.ClickAsync("#sound", ct);
            await s.WaitAsync("document.getElementById('sound').getAttribute('aria-pressed') === 'true'", ct);
        }, ct);
        var chimes = (await s.TextAsync("document.body.dataset.chimes ?? '0'", ct)).Trim('"');

        await s.Step("two aircraft already within the minima: the new tactical warning is first", async () =>
        {
            await scenario.ReportClosePairAsync(hub, "RFF777", "NAF777", ct);
            await s.WaitAsync("(() => { const first = document.querySelector('#conflict-list li[data-conflict-id]'); return first && first.dataset.kind === 'tactical' && first.innerText.includes('RFF777'); })()", ct);
            await s.WaitAsync($"Number(document.body.dataset.chimes ?? 0) > {chimes}", ct);
            await s.WaitAsync("Number(document.getElementById('map').dataset.renderedConflicts) >= 1", ct);
        }, ct);
        browser.Log.ShouldNotContain("exception:");
    }

    [Fact]
    public async Task Without_webgl_the_console_says_why_there_is_no_map_and_the_lists_still_work()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var hub = await ConsoleHub.StartAsync(ct);
        var scenario = await ConsoleScenario.SeedAsync(hub, ct);
        var s = await ConsoleSteps.OpenAsync(hub, scenario.CoalitionKey, "nowebgl", ct, args: ["--disable-webgl", "--disable-3d-apis"]);
        await using var browser = s.Browser;
        await s.Step("a message instead of a black map; the intents are listed", async () =>
        {
            (await s.EvalAsync("document.getElementById('nowebgl').hidden", ct)).GetBoolean().ShouldBeFalse();
            (await s.TextAsync("document.getElementById('nowebgl').textContent", ct)).ShouldContain("WebGL");
            await s.WaitAsync("document.querySelector('#intent-list li[data-intent-id=\"COAL-CAP-1\"]')", ct);
        }, ct);
    }
}
