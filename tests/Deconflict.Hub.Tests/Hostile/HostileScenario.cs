using System.Net;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hostile;

/// <summary>
/// One hub seeded for the leak sweep: seven parties with every kind of agreement and every kind of object, each
/// object carrying values found nowhere else (coordinates such as 36.73519, altitudes, times to the second, names,
/// notes, ids), and for each object the callers that may learn it under their agreements.
/// <list type="bullet">
/// <item>alpha ↔ bravo: full both ways; oscar (an observer) named by alpha; escalation contacts on both sides.</item>
/// <item>alpha → charlie conflicts_only, charlie → alpha full; bravo → charlie full, charlie → bravo none.</item>
/// <item>alpha ↔ delta: conflicts_only both ways. alpha ↔ echo: none both ways. foxtrot: no agreement.</item>
/// <item>alpha's "meet" intents conflict with one intent of charlie, delta and echo each; foxtrot's strike hits an
/// alpha clinic. A conflicts_only object becomes visible to the other party of its conflict, nothing else does.</item>
/// </list>
/// </summary>
public sealed class HostileScenario : IAsyncLifetime
{
    public const string Alpha = "alpha";
    public const string Bravo = "bravo";
    public const string Charlie = "charlie";
    public const string Delta = "delta";
    public const string Echo = "echo";
    public const string Foxtrot = "foxtrot";
    public const string Oscar = "oscar";
    public const string Anonymous = "(no key)";

    private static readonly string[] Owners = [Alpha, Bravo, Charlie, Delta, Echo, Foxtrot];

    private readonly string _tag = Guid.NewGuid().ToString("N")[..4];
    private readonly Dictionary<(string Owner, string Viewer), string> _sharing = new();
    private readonly HashSet<(string ObjectId, string Viewer)> _inConflictWith = [];
    private readonly List<(string Kind, string Owner, string Id, List<Marker> Markers)> _owned = [];
    private readonly List<SeededObject> _others = [];
    private int _n;

    public HostileHub Hub { get; } = new();

    public Dictionary<string, HostileParty> Parties { get; } = new(StringComparer.Ordinal);

    /// <summary>Every caller of the sweep: the seven parties and a client without a key.</summary>
    public IReadOnlyList<string> Callers => [.. Parties.Keys, Anonymous];

    public IReadOnlyList<SeededObject> Objects { get; private set; } = [];

    /// <summary>Every id the hub gave or was given (objects, conflicts, threads, messages, agreements, parties, keys).</summary>
    public IReadOnlyList<string> Ids { get; private set; } = [];

    /// <summary>Midnight UTC three days from now: every seeded time is after it.</summary>
    public DateTimeOffset T0 { get; } = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(3);

    /// <summary>Whether oscar's stream showed an escalation before the sweep (so the escalation path was exercised).</summary>
    public bool EscalationSeen { get; private set; }

    public HttpClient Client(string caller) => Hub.Client(caller == Anonymous ? null : Parties[caller].Key);

    public async ValueTask InitializeAsync()
    {
        await Hub.InitializeAsync();
        foreach (var id in Owners)
        {
            Parties[id] = await Hub.CreatePartyAsync(id);
        }
        Parties[Oscar] = await Hub.CreatePartyAsync(Oscar, "observer");
        var ab = await AgreeAsync(Alpha, Bravo, "full", "full", ackDeadlineS: 10);
        var ac = await AgreeAsync(Alpha, Charlie, "conflicts_only", "full");
        var ad = await AgreeAsync(Alpha, Delta, "conflicts_only", "conflicts_only");
        var ae = await AgreeAsync(Alpha, Echo, "none", "none");
        var bc = await AgreeAsync(Bravo, Charlie, "full", "none");
        await ContactAsync(ab, Alpha, Oscar, Bravo);
        await ContactAsync(ab, Bravo, null, null);

        for (var p = 0; p < Owners.Length; p++)
        {
            await SeedOwnerAsync(p, Owners[p]);
        }
        await SeedMeetingsAsync();
        await SeedGuardedClinicAsync();
        await SeedHotlineAsync(ab, ac, ad, ae, bc);
        await CheckConflictCountsAsync();
        EscalationSeen = await WaitForEscalationAsync();
        await CollectHubIdsAsync();
        Objects = [.. _owned.Select(o => new SeededObject(o.Kind, o.Owner, o.Id, o.Markers, KnownTo(o.Owner, o.Id))), .. _others];
        Ids = [.. Objects.Select(o => o.Id).Concat(Parties.Keys).Distinct(StringComparer.Ordinal)];
    }

    public async ValueTask DisposeAsync() => await Hub.DisposeAsync();

    /// <summary>The owner, parties it shares full with, and conflicts_only parties that have it in an open conflict.</summary>
    private HashSet<string> KnownTo(string owner, string id)
    {
        var known = new HashSet<string>(StringComparer.Ordinal) { owner };
        foreach (var viewer in Parties.Keys)
        {
            var sharing = _sharing.GetValueOrDefault((owner, viewer), "none");
            if (sharing == "full" || (sharing == "conflicts_only" && _inConflictWith.Contains((id, viewer))))
            {
                known.Add(viewer);
            }
        }
        return known;
    }

    private async Task<string> AgreeAsync(string proposer, string counterparty, string p2c, string c2p, int ackDeadlineS = 300)
    {
        var id = await HostileHub.AgreeAsync(Parties[proposer], Parties[counterparty], p2c, c2p, ackDeadlineS);
        _sharing[(proposer, counterparty)] = p2c;
        _sharing[(counterparty, proposer)] = c2p;
        _others.Add(new SeededObject("agreement", proposer, id, [.. Marker.ForId(id)], Set(proposer, counterparty)));
        return id;
    }

    /// <summary>Names the party's escalation contact (a marker) and observer; the contact is known to both sides and to the observer the party named.</summary>
    private async Task ContactAsync(string agreement, string party, string? observer, string? other)
    {
        var contact = $"Contact {Word(party, "contact")}";
        using var c = Parties[party].Client();
        await (await c.SendJsonAsync(HttpMethod.Put, $"/api/v1/agreements/{agreement}/hotline",
            JsonSerializer.Serialize(new { escalation_contact = contact, observer }))).ShouldBeAsync(HttpStatusCode.OK);
        var known = other is null ? Set(Alpha, Bravo) : Set(party, other);
        if (observer is not null)
        {
            known.Add(observer);
        }
        _others.Add(new SeededObject("escalation contact", party, $"{party} under {agreement}", [.. Marker.Phrase("escalation_contact", contact)], known));
    }

    private async Task SeedOwnerAsync(int p, string owner)
    {
        using var c = Parties[owner].Client();
        (double Lat, double Lon) Anchor(int k) => (Math.Round(11.0 + (6.3 * p) + (0.61 * k) + 0.00519 + (0.00037 * ((20 * p) + k)), 5),
            Math.Round(21.0 + (9.7 * p) + (0.53 * k) + 0.00731 + (0.00041 * ((20 * p) + k)), 5));
        static (double, double) Off((double Lat, double Lon) a, double dLat, double dLon) => (Math.Round(a.Lat + dLat, 5), Math.Round(a.Lon + dLon, 5));

        // Intents: circle, polygon, corridor, orbit.
        var circle = Anchor(0);
        var (circleId, circleStart, _) = await PutIntentAsync(c, owner, "circle", [circle], HostileGeoJson.Point(circle.Lat, circle.Lon),
            new Dictionary<string, object> { ["radius_m"] = 4321.7 + (13.1 * p) }, "radius_m", 4321.7 + (13.1 * p));
        var a1 = Anchor(1);
        List<(double, double)> ring = [Off(a1, -0.04137, -0.05219), Off(a1, -0.04137, 0.04861), Off(a1, 0.03973, 0.04861), Off(a1, 0.03973, -0.05219)];
        await PutIntentAsync(c, owner, "polygon", ring, HostileGeoJson.Polygon(ring), new Dictionary<string, object>(), null, 0);
        var a2 = Anchor(2);
        List<(double, double)> corridor = [a2, Off(a2, 0.05113, 0.06217), Off(a2, 0.10279, 0.02131)];
        await PutIntentAsync(c, owner, "corridor", corridor, HostileGeoJson.Line(corridor),
            new Dictionary<string, object> { ["half_width_m"] = 1733.3 + p }, "half_width_m", 1733.3 + p);
        var a3 = Anchor(3);
        List<(double, double)> orbit = [a3, Off(a3, 0.03119, 0.07129)];
        await PutIntentAsync(c, owner, "orbit", orbit, HostileGeoJson.Line(orbit),
            new Dictionary<string, object> { ["half_width_m"] = 2311.9 + p }, "half_width_m", 2311.9 + p);

        // Sites: a point with a protection radius, a polygon.
        var a4 = Anchor(4);
        await PutGroundAsync(c, owner, "site", "site-point", [a4], HostileGeoJson.Point(a4.Lat, a4.Lon), new() { ["category"] = "health", ["radius_m"] = 313.7 + p },
            ("radius_m", 313.7 + p), withTimes: true);
        var a5 = Anchor(5);
        List<(double, double)> siteRing = [Off(a5, -0.00713, -0.00911), Off(a5, -0.00713, 0.00817), Off(a5, 0.00619, 0.00817), Off(a5, 0.00619, -0.00911)];
        await PutGroundAsync(c, owner, "site", "site-polygon", siteRing, HostileGeoJson.Polygon(siteRing), new() { ["category"] = "school" }, null, withTimes: true);
        // A movement along a route.
        var a6 = Anchor(6);
        List<(double, double)> route = [a6, Off(a6, 0.02117, 0.03313), Off(a6, 0.04451, 0.01987)];
        await PutGroundAsync(c, owner, "movement", "movement", route, HostileGeoJson.Line(route), new() { ["category"] = "convoy", ["half_width_m"] = 117.3 + p },
            ("half_width_m", 117.3 + p), withTimes: true);
        // A zone of operations around the strike, valid at its time.
        var a7 = Anchor(7);
        List<(double, double)> zoneRing = [Off(a7, -0.20113, -0.20317), Off(a7, -0.20113, 0.19771), Off(a7, 0.19633, 0.19771), Off(a7, 0.19633, -0.20317)];
        var strikeAt = circleStart.AddSeconds(1234 + p);
        await PutGroundAsync(c, owner, "zone", "zone", zoneRing, HostileGeoJson.Polygon(zoneRing), new(), null, withTimes: false,
            validFrom: strikeAt.AddSeconds(-3333), validTo: strikeAt.AddSeconds(2222));
        // A strike inside the zone, under the circle intent, far from every site.
        var strike = Off(a7, 0.01117, 0.01313);
        await StrikeAsync(c, owner, $"{owner}-strike-{_tag}", circleId, strike, strikeAt, 27.3 + p);
        // A live track (stationary, far from every other party's).
        var a9 = Anchor(9);
        var trackId = $"{owner}-track-{_tag}";
        var alt = 21337 + (101 * p);
        var report = JsonSerializer.Serialize(new[] { new { id = trackId, t = HostileGeoJson.Time(DateTimeOffset.UtcNow.AddSeconds(-1)), lat_deg = a9.Lat, lon_deg = a9.Lon, alt_ft = alt, gs_kt = 0, trk_deg = 0, vs_fpm = 0 } });
        var accepted = await (await c.SendJsonAsync(HttpMethod.Post, "/api/v1/tracks", report)).ShouldBeAsync(HttpStatusCode.Accepted);
        accepted.GetProperty("accepted").GetInt32().ShouldBe(1, report);
        _owned.Add(("track", owner, trackId, [.. Marker.ForId(trackId), .. Marker.Position("position", a9.Lat, a9.Lon), .. Marker.AltitudeFt("alt_ft", alt)]));
    }

    /// <summary>PUTs an intent of one volume with its own times and band; records its markers.</summary>
    private async Task<(string Id, DateTimeOffset Start, DateTimeOffset End)> PutIntentAsync(HttpClient c, string owner, string shape,
        IReadOnlyList<(double Lat, double Lon)> points, object geometry, Dictionary<string, object> props, string? sizeName, double size,
        int priority = 0, string? id = null, (DateTimeOffset Start, DateTimeOffset End, double Lower, double Upper)? window = null)
    {
        var n = _n++;
        var start = window?.Start ?? T0.AddSeconds((n * 7200) + 797 + (61 * n));
        var end = window?.End ?? start.AddSeconds(5471 + (7 * n));
        double lower = window?.Lower ?? 13370 + (101 * n), upper = window?.Upper ?? lower + 4321 + n;
        id ??= $"{owner}-{shape}-{_tag}";
        var response = await c.PutIntentAsync(id, HostileGeoJson.Intent(geometry, props, lower, upper, start, end, priority));
        await response.ShouldBeAsync(HttpStatusCode.Created);
        var markers = new List<Marker>(Marker.ForId(id));
        for (var i = 0; i < points.Count; i++)
        {
            markers.AddRange(Marker.Position($"vertex {i}", points[i].Lat, points[i].Lon));
        }
        markers.AddRange(Marker.AltitudeFt("alt_lower_ft", lower));
        markers.AddRange(Marker.AltitudeFt("alt_upper_ft", upper));
        markers.AddRange(Marker.Time("time_start", start));
        markers.AddRange(Marker.Time("time_end", end));
        if (sizeName is not null)
        {
            markers.AddRange(Marker.Metres(sizeName, size));
        }
        _owned.Add(("intent", owner, id, markers));
        return (id, start, end);
    }

    private async Task PutGroundAsync(HttpClient c, string owner, string kind, string name, IReadOnlyList<(double Lat, double Lon)> points, object geometry,
        Dictionary<string, object?> props, (string Name, double Value)? size, bool withTimes, DateTimeOffset? validFrom = null, DateTimeOffset? validTo = null,
        string? id = null)
    {
        var n = _n++;
        id ??= $"{owner}-{name}-{_tag}";
        var markers = new List<Marker>(Marker.ForId(id));
        if (withTimes)
        {
            validFrom = T0.AddDays(-2).AddSeconds(1117 + (73 * n));
            validTo = T0.AddDays(30).AddSeconds(2213 + (79 * n));
        }
        if (validFrom is { } from)
        {
            props["valid_from"] = HostileGeoJson.Time(from);
            markers.AddRange(Marker.Time("valid_from", from));
        }
        if (validTo is { } to)
        {
            props["valid_to"] = HostileGeoJson.Time(to);
            markers.AddRange(Marker.Time("valid_to", to));
        }
        var display = $"Name {Word(owner, name)}";
        props["name"] = display;
        markers.AddRange(Marker.Phrase("name", display));
        if (kind != "zone")
        {
            var organisation = $"Org {Word(owner, name + "org")}";
            var notes = $"Notes {Word(owner, name + "notes")} behind the east wall";
            props["organisation"] = organisation;
            props["notes"] = notes;
            markers.AddRange(Marker.Phrase("organisation", organisation));
            markers.AddRange(Marker.Phrase("notes", notes));
        }
        for (var i = 0; i < points.Count; i++)
        {
            markers.AddRange(Marker.Position($"vertex {i}", points[i].Lat, points[i].Lon));
        }
        if (size is { } s)
        {
            markers.AddRange(Marker.Metres(s.Name, s.Value));
        }
        await (await c.SendJsonAsync(HttpMethod.Put, $"/api/v1/{kind}s/{id}", HostileGeoJson.Feature(geometry, props))).ShouldBeAsync(HttpStatusCode.Created);
        _owned.Add((kind, owner, id, markers));
    }

    private async Task StrikeAsync(HttpClient c, string owner, string id, string intentId, (double Lat, double Lon) at, DateTimeOffset t, double radiusM)
    {
        var body = JsonSerializer.Serialize(new { id, intent_id = intentId, lat_deg = at.Lat, lon_deg = at.Lon, t = HostileGeoJson.Time(t), radius_m = radiusM });
        await (await c.SendJsonAsync(HttpMethod.Post, "/api/v1/strikes", body)).ShouldBeAsync(HttpStatusCode.Created);
        _owned.Add(("strike", owner, id, [.. Marker.ForId(id), .. Marker.Position("position", at.Lat, at.Lon), .. Marker.Time("t", t), .. Marker.Metres("radius_m", radiusM)]));
    }

    /// <summary>alpha's meeting intents, each conflicting with one intent of charlie, delta and echo (the other side declares second, at a higher priority).</summary>
    private async Task SeedMeetingsAsync()
    {
        string[] others = [Charlie, Delta, Echo];
        for (var j = 0; j < others.Length; j++)
        {
            var other = others[j];
            using var a = Parties[Alpha].Client();
            using var o = Parties[other].Client();
            var meet = (Math.Round(55.0 + (1.7 * j) + 0.00613, 5), Math.Round(5.0 + (2.3 * j) + 0.00917, 5));
            var near = (Math.Round(meet.Item1 + 0.01119, 5), Math.Round(meet.Item2 + 0.01231, 5));
            var alphaId = $"{Alpha}-meet-{other}-{_tag}";
            var otherId = $"{other}-meet-{Alpha}-{_tag}";
            // Overlapping in space, band and time, with values of their own: the overlap runs from the other's start to alpha's end.
            var tm = T0.AddDays(20 + j).AddSeconds(3137);
            await PutIntentAsync(a, Alpha, "meet", [meet], HostileGeoJson.Point(meet.Item1, meet.Item2),
                new Dictionary<string, object> { ["radius_m"] = 5123.3 + j }, "radius_m", 5123.3 + j, id: alphaId,
                window: (tm, tm.AddSeconds(7211), 30137 + (11 * j), 34713 + (13 * j)));
            await PutIntentAsync(o, other, "meet", [near], HostileGeoJson.Point(near.Item1, near.Item2),
                new Dictionary<string, object> { ["radius_m"] = 4873.1 + j }, "radius_m", 4873.1 + j, priority: 5, id: otherId,
                window: (tm.AddSeconds(1799), tm.AddSeconds(9133), 31211 + (7 * j), 36619 + (17 * j)));
            _inConflictWith.Add((alphaId, other));
            _inConflictWith.Add((otherId, Alpha));
        }
    }

    /// <summary>foxtrot (no agreement with anyone) strikes 320 m from an alpha clinic it may not see.</summary>
    private async Task SeedGuardedClinicAsync()
    {
        using var a = Parties[Alpha].Client();
        using var f = Parties[Foxtrot].Client();
        var clinic = (40.00377, 100.00419);
        await PutGroundAsync(a, Alpha, "site", "clinic", [clinic], HostileGeoJson.Point(clinic.Item1, clinic.Item2),
            new() { ["category"] = "hospital", ["radius_m"] = 300 }, null, withTimes: false);
        var foxCircle = _owned.First(o => o.Owner == Foxtrot && o.Kind == "intent" && o.Id.Contains("-circle-", StringComparison.Ordinal));
        var at = (40.00648, 100.00532);
        var t = T0.AddDays(1).AddSeconds(4321);
        await StrikeAsync(f, Foxtrot, $"{Foxtrot}-strike-hit-{_tag}", foxCircle.Id, at, t, 53.9);
        _inConflictWith.Add(($"{Alpha}-clinic-{_tag}", Foxtrot));
        _inConflictWith.Add(($"{Foxtrot}-strike-hit-{_tag}", Alpha));
    }

    private async Task SeedHotlineAsync(string ab, string ac, string ad, string ae, string bc)
    {
        _ = (ab, ac, ad, ae, bc);
        var abThread = await OpenThreadAsync(Alpha, Bravo, observer: Oscar);
        await PostAsync(Alpha, abThread, Bravo, "REQUEST_ALTITUDE_CHANGE", new { flight_level = 233 }, null, observer: Oscar);
        await PostAsync(Bravo, abThread, Alpha, "TRAFFIC_ALERT", null, (47.31173, 8.52319), observer: Oscar);
        var acThread = await OpenThreadAsync(Alpha, Charlie);
        await PostAsync(Charlie, acThread, Alpha, "FREE_TEXT", null, null);
        var adThread = await OpenThreadAsync(Alpha, Delta);
        await PostAsync(Alpha, adThread, Delta, "TRAFFIC_ALERT", null, (51.42279, -0.31177));
        var aeThread = await OpenThreadAsync(Echo, Alpha);
        await PostAsync(Echo, aeThread, Alpha, "FREE_TEXT", null, null);
        var bcThread = await OpenThreadAsync(Bravo, Charlie);
        await PostAsync(Bravo, bcThread, Charlie, "FREE_TEXT", null, null);
        // bravo acknowledges alpha's point site: the owner sees it, nobody else.
        using var b = Parties[Bravo].Client();
        await (await b.PostAsync($"/api/v1/sites/{Alpha}-site-point-{_tag}/ack", null)).ShouldBeAsync(HttpStatusCode.OK);
    }

    private async Task<string> OpenThreadAsync(string from, string to, string? observer = null)
    {
        using var c = Parties[from].Client();
        var title = $"Title {Word(from, "thread" + to)}";
        var thread = await (await c.SendJsonAsync(HttpMethod.Post, "/api/v1/threads", JsonSerializer.Serialize(new { parties = new[] { to }, title })))
            .ShouldBeAsync(HttpStatusCode.Created);
        var id = thread.GetProperty("id").GetString()!;
        _others.Add(new SeededObject("thread", from, id, [.. Marker.Phrase("title", title)], Set(from, to)));
        _others.Add(new SeededObject("thread id", from, id, [.. Marker.ForId(id)], observer is null ? Set(from, to) : Set(from, to, observer)));
        return id;
    }

    /// <summary>Posts a message with a free-text remark (a marker) and, for TRAFFIC_ALERT, a position (markers).</summary>
    private async Task PostAsync(string from, string thread, string to, string template, object? extra, (double Lat, double Lon)? position, string? observer = null)
    {
        using var c = Parties[from].Client();
        var remark = $"Remark {Word(from, "remark" + thread)} near the ridge";
        var markers = new List<Marker>(Marker.Phrase("text", remark));
        object parameters = template switch
        {
            "TRAFFIC_ALERT" => new { position = new { lat_deg = position!.Value.Lat, lon_deg = position.Value.Lon } },
            "FREE_TEXT" => new { text = remark },
            _ => extra!,
        };
        if (position is { } p)
        {
            markers.AddRange(Marker.Position("position", p.Lat, p.Lon));
        }
        var posted = await (await c.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages",
            JsonSerializer.Serialize(new { template, @params = parameters, text = template == "FREE_TEXT" ? null : remark }))).ShouldBeAsync(HttpStatusCode.Created);
        var id = posted.GetProperty("id").GetString()!;
        _others.Add(new SeededObject("message", from, id, markers, Set(from, to)));
        _others.Add(new SeededObject("message id", from, id, [.. Marker.ForId(id)], observer is null ? Set(from, to) : Set(from, to, observer)));
    }

    /// <summary>The seed opened exactly the conflicts it meant to: alpha four, charlie, delta, echo and foxtrot one each.</summary>
    private async Task CheckConflictCountsAsync()
    {
        var expected = new Dictionary<string, int> { [Alpha] = 4, [Bravo] = 0, [Charlie] = 1, [Delta] = 1, [Echo] = 1, [Foxtrot] = 1, [Oscar] = 0 };
        foreach (var (party, count) in expected)
        {
            using var c = Parties[party].Client();
            var list = await (await c.GetAsync("/api/v1/conflicts?state=open")).ShouldBeAsync(HttpStatusCode.OK);
            list.GetArrayLength().ShouldBe(count, $"open conflicts of {party}: {list}");
        }
    }

    /// <summary>Waits (at most 30 s) until oscar's stream shows the escalation of alpha's unacknowledged request to bravo (10 s deadline).</summary>
    private async Task<bool> WaitForEscalationAsync()
    {
        await using var sse = await SseClient.ConnectAsync(Hub.BaseAddress, Parties[Oscar].Key, "0");
        var events = await sse.ReadUntilAsync(e => e.Type == "escalation", TimeSpan.FromSeconds(30));
        return events.Any(e => e.Type == "escalation");
    }

    /// <summary>Conflict and thread ids as each party's own lists show them (known to that party), and the key ids.</summary>
    private async Task CollectHubIdsAsync()
    {
        var conflicts = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var threads = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (party, p) in Parties)
        {
            using var c = p.Client();
            foreach (var conflict in (await (await c.GetAsync("/api/v1/conflicts?state=all")).ShouldBeAsync(HttpStatusCode.OK)).EnumerateArray())
            {
                Add(conflicts, conflict.GetProperty("id").GetString()!, party);
            }
            foreach (var item in (await (await c.GetAsync("/api/v1/inbox")).ShouldBeAsync(HttpStatusCode.OK)).EnumerateArray())
            {
                Add(threads, item.GetProperty("thread_id").GetString()!, party);
            }
            _others.Add(new SeededObject("key", party, p.KeyId, [.. Marker.ForId(p.KeyId)], Set(party)));
        }
        foreach (var (id, known) in conflicts)
        {
            _others.Add(new SeededObject("conflict", string.Join("+", known.Order(StringComparer.Ordinal)), id, [.. Marker.ForId(id)], known));
        }
        foreach (var (id, known) in threads.Where(t => _others.All(o => o.Id != t.Key)))
        {
            _others.Add(new SeededObject("conflict thread", string.Join("+", known.Order(StringComparer.Ordinal)), id, [.. Marker.ForId(id)], known));
        }
    }

    private static void Add(Dictionary<string, HashSet<string>> map, string id, string party)
    {
        if (!map.TryGetValue(id, out var set))
        {
            map[id] = set = new HashSet<string>(StringComparer.Ordinal);
        }
        set.Add(party);
    }

    private static HashSet<string> Set(params string[] parties) => new(parties, StringComparer.Ordinal);

    /// <summary>A word found nowhere else: the party, what it names and a per-hub tag.</summary>
    private string Word(string party, string what) =>
        $"{char.ToUpperInvariant(party[0])}{party[1..]}{char.ToUpperInvariant(what[0])}{what[1..].Replace("-", "", StringComparison.Ordinal)}Q{_tag}";
}
