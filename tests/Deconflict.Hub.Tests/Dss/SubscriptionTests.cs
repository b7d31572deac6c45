using System.Net;
using Deconflict.Hub.Tests.Hosting;
using System.Text.Json;
using S = Deconflict.Hub.Dss.DssScopes;

namespace Deconflict.Hub.Tests.Dss;

/// <summary>The uss_qualifier DSS scenarios subscription_simple, subscription_interactions and oir_implicit_sub_handling.</summary>
public abstract class SubscriptionTests(DssHub hub)
{
    [Fact]
    public async Task Subscription_simple()
    {
        var area = DssArea.New();
        using var uss = hub.Uss("uss-subs", S.StrategicCoordination);
        var id = DssCalls.NewId();

        // DSS0005,5: create (200), with times defaulted when omitted.
        var created = await (await uss.PutJsonAsync($"/dss/v1/subscriptions/{id}", DssCalls.Subscription(area.Volume(withTimes: false)))).ShouldAnswerAsync(HttpStatusCode.OK);
        var sub = created.GetProperty("subscription");
        sub.GetProperty("id").GetString().ShouldBe(id);
        sub.GetProperty("notification_index").GetInt32().ShouldBe(0);
        sub.GetProperty("notify_for_operational_intents").GetBoolean().ShouldBeTrue();
        sub.GetProperty("implicit_subscription").GetBoolean().ShouldBeFalse();
        var start = DateTimeOffset.Parse(sub.GetProperty("time_start").GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse(sub.GetProperty("time_end").GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        (end - start).ShouldBe(TimeSpan.FromHours(24));
        created.GetProperty("operational_intent_references").GetArrayLength().ShouldBe(0);
        var version = sub.GetProperty("version").GetString()!;
        (await uss.PutJsonAsync($"/dss/v1/subscriptions/{id}", DssCalls.Subscription(area.Volume()))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Get and search return it, unchanged.
        var got = await (await uss.GetAsync($"/dss/v1/subscriptions/{id}")).ShouldAnswerAsync(HttpStatusCode.OK);
        got.GetProperty("subscription").GetProperty("version").GetString().ShouldBe(version);
        var found = await (await uss.PostJsonAsync("/dss/v1/subscriptions/query", DssCalls.Query(area.Volume(radiusM: 3_000)))).ShouldAnswerAsync(HttpStatusCode.OK);
        found.GetProperty("subscriptions").Ids().ShouldContain(id);
        // No huge search area; another USS does not find it.
        await (await uss.PostJsonAsync("/dss/v1/subscriptions/query", DssCalls.Query(area.Volume(radiusM: 2_000_000)))).ShouldAnswerAsync(HttpStatusCode.BadRequest);
        using var other = hub.Uss("uss-subs-other", S.StrategicCoordination);
        (await (await other.PostJsonAsync("/dss/v1/subscriptions/query", DssCalls.Query(area.Volume(radiusM: 3_000)))).ShouldAnswerAsync(HttpStatusCode.OK))
            .GetProperty("subscriptions").Ids().ShouldNotContain(id);

        // Mutation needs the current version (an empty one does not route), and changes the version.
        (await uss.PutJsonAsync($"/dss/v1/subscriptions/{id}/", DssCalls.Subscription(area.Volume()))).IsSuccessStatusCode.ShouldBeFalse();
        await (await uss.PutJsonAsync($"/dss/v1/subscriptions/{id}/wrong", DssCalls.Subscription(area.Volume()))).ShouldAnswerAsync(HttpStatusCode.Conflict);
        var mutated = await (await uss.PutJsonAsync($"/dss/v1/subscriptions/{id}/{version}", DssCalls.Subscription(area.Volume(radiusM: 800)))).ShouldAnswerAsync(HttpStatusCode.OK);
        var version2 = mutated.GetProperty("subscription").GetProperty("version").GetString()!;
        version2.ShouldNotBe(version);

        // Rules: at least one notification kind; end not past; at most 24 h.
        await (await uss.PutJsonAsync($"/dss/v1/subscriptions/{DssCalls.NewId()}", DssCalls.Subscription(area.Volume(), intents: false))).ShouldAnswerAsync(HttpStatusCode.BadRequest);
        await (await uss.PutJsonAsync($"/dss/v1/subscriptions/{DssCalls.NewId()}", DssCalls.Subscription(area.Volume(fromMin: -90, toMin: -30)))).ShouldAnswerAsync(HttpStatusCode.BadRequest);
        await (await uss.PutJsonAsync($"/dss/v1/subscriptions/{DssCalls.NewId()}", DssCalls.Subscription(area.Volume(fromMin: 0, toMin: 60 * 25)))).ShouldAnswerAsync(HttpStatusCode.BadRequest);
        // Constraint notifications need utm.constraint_processing.
        await (await uss.PutJsonAsync($"/dss/v1/subscriptions/{DssCalls.NewId()}", DssCalls.Subscription(area.Volume(), constraints: true))).ShouldAnswerAsync(HttpStatusCode.Forbidden);

        // Delete needs the current version; then it is gone from get and search.
        await (await uss.DeleteAsync($"/dss/v1/subscriptions/{id}/{version}")).ShouldAnswerAsync(HttpStatusCode.Conflict);
        await (await other.DeleteAsync($"/dss/v1/subscriptions/{id}/{version2}")).ShouldAnswerAsync(HttpStatusCode.Conflict);
        var deleted = await (await uss.DeleteAsync($"/dss/v1/subscriptions/{id}/{version2}")).ShouldAnswerAsync(HttpStatusCode.OK);
        deleted.GetProperty("subscription").GetProperty("version").GetString().ShouldBe(version2);
        await (await uss.GetAsync($"/dss/v1/subscriptions/{id}")).ShouldAnswerAsync(HttpStatusCode.NotFound);
        (await (await uss.PostJsonAsync("/dss/v1/subscriptions/query", DssCalls.Query(area.Volume(radiusM: 3_000)))).ShouldAnswerAsync(HttpStatusCode.OK))
            .GetProperty("subscriptions").Ids().ShouldNotContain(id);
    }

    [Fact]
    public async Task Subscription_interactions_oir_creation_names_intersecting_subscribers()
    {
        var area = DssArea.New();
        using var watcher = hub.Uss("uss-watcher", S.StrategicCoordination);
        using var planner = hub.Uss("uss-planner", S.StrategicCoordination);
        // Two background subscriptions: one over the OIR's time, one after it.
        var during = DssCalls.NewId();
        var after = DssCalls.NewId();
        await (await watcher.PutJsonAsync($"/dss/v1/subscriptions/{during}", DssCalls.Subscription(area.Volume(radiusM: 2_000, fromMin: 0, toMin: 120), ussUrl: "https://watcher.test/utm"))).ShouldAnswerAsync(HttpStatusCode.OK);
        await (await watcher.PutJsonAsync($"/dss/v1/subscriptions/{after}", DssCalls.Subscription(area.Volume(radiusM: 2_000, fromMin: 200, toMin: 300), ussUrl: "https://watcher.test/utm"))).ShouldAnswerAsync(HttpStatusCode.OK);

        // DSS0210,A2-7-2,4b: the reply names the intersecting subscription (index bumped), not the other.
        var first = await (await planner.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", DssCalls.Oir(area.Volume()))).ShouldAnswerAsync(HttpStatusCode.Created);
        var subscribers = Subscribers(first);
        subscribers.ShouldContainKey(during);
        subscribers[during].Index.ShouldBe(1);
        subscribers[during].Url.ShouldBe("https://watcher.test/utm");
        subscribers.ShouldNotContainKey(after);
        var implicitOfFirst = first.GetProperty("operational_intent_reference").GetProperty("subscription_id").GetString()!;
        subscribers.ShouldContainKey(implicitOfFirst); // the caller's own subscriptions are listed too

        // A second intersecting OIR (keyed) is told of the background subscription and of the first OIR's implicit one.
        var ovn = first.GetProperty("operational_intent_reference").GetProperty("ovn").GetString()!;
        var second = await (await planner.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", DssCalls.Oir(area.Volume(), key: [ovn]))).ShouldAnswerAsync(HttpStatusCode.Created);
        var again = Subscribers(second);
        again[during].Index.ShouldBe(2);
        again.ShouldContainKey(implicitOfFirst);
        again.ShouldNotContainKey(after);

        // A subscription created over the area lists the references it now covers.
        var late = await (await watcher.PutJsonAsync($"/dss/v1/subscriptions/{DssCalls.NewId()}", DssCalls.Subscription(area.Volume(radiusM: 2_000)))).ShouldAnswerAsync(HttpStatusCode.OK);
        late.GetProperty("operational_intent_references").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Oir_implicit_sub_handling()
    {
        var area = DssArea.New();
        using var uss = hub.Uss("uss-implicit", S.StrategicCoordination);

        // Single OIR: the implicit subscription exists, covers the OIR exactly, and goes with it.
        var id = DssCalls.NewId();
        var extent = area.Volume(fromMin: 10, toMin: 40);
        var oir = await uss.CreateOirAsync(id, DssCalls.Oir(extent));
        var implicitId = oir.GetProperty("subscription_id").GetString()!;
        var sub = (await (await uss.GetAsync($"/dss/v1/subscriptions/{implicitId}")).ShouldAnswerAsync(HttpStatusCode.OK)).GetProperty("subscription");
        sub.GetProperty("implicit_subscription").GetBoolean().ShouldBeTrue();
        sub.GetProperty("dependent_operational_intents").EnumerateArray().Select(e => e.GetString()).ShouldBe([id]);
        sub.GetProperty("time_start").GetProperty("value").GetString().ShouldBe(oir.GetProperty("time_start").GetProperty("value").GetString());
        sub.GetProperty("time_end").GetProperty("value").GetString().ShouldBe(oir.GetProperty("time_end").GetProperty("value").GetString());
        // A subscription an OIR depends on cannot be deleted.
        await (await uss.DeleteAsync($"/dss/v1/subscriptions/{implicitId}/{sub.GetProperty("version").GetString()}")).ShouldAnswerAsync(HttpStatusCode.BadRequest);
        await (await uss.DeleteAsync($"/dss/v1/operational_intent_references/{id}/{oir.GetProperty("ovn").GetString()}")).ShouldAnswerAsync(HttpStatusCode.OK);
        await (await uss.GetAsync($"/dss/v1/subscriptions/{implicitId}")).ShouldAnswerAsync(HttpStatusCode.NotFound);

        // An OIR without any subscription (Accepted) has none; one overlapping an implicit subscription is told of it.
        var a = await uss.CreateOirAsync(DssCalls.NewId(), DssCalls.Oir(area.Volume(fromMin: 10, toMin: 40)));
        var aSub = a.GetProperty("subscription_id").GetString()!;
        var bId = DssCalls.NewId();
        var b = await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{bId}",
            DssCalls.Oir(area.Volume(fromMin: 10, toMin: 40), key: [a.GetProperty("ovn").GetString()!], implicitSubscription: false))).ShouldAnswerAsync(HttpStatusCode.Created);
        Subscribers(b).ShouldContainKey(aSub);
        b.GetProperty("operational_intent_reference").GetProperty("subscription_id").GetString().ShouldBe("00000000-0000-4000-8000-000000000000");
        // Activated needs a subscription.
        await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{bId}/{b.GetProperty("operational_intent_reference").GetProperty("ovn").GetString()}",
            DssCalls.Oir(area.Volume(fromMin: 10, toMin: 40), "Activated", key: [a.GetProperty("ovn").GetString()!], implicitSubscription: false))).ShouldAnswerAsync(HttpStatusCode.BadRequest);

        // Mutating the first to a later time keeps (and moves) its implicit subscription.
        var moved = await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{a.GetProperty("id").GetString()}/{a.GetProperty("ovn").GetString()}",
            DssCalls.Oir(area.Volume(fromMin: 100, toMin: 130)))).ShouldAnswerAsync(HttpStatusCode.OK);
        var movedRef = moved.GetProperty("operational_intent_reference");
        movedRef.GetProperty("subscription_id").GetString().ShouldBe(aSub);
        var movedSub = (await (await uss.GetAsync($"/dss/v1/subscriptions/{aSub}")).ShouldAnswerAsync(HttpStatusCode.OK)).GetProperty("subscription");
        movedSub.GetProperty("time_start").GetProperty("value").GetString().ShouldBe(movedRef.GetProperty("time_start").GetProperty("value").GetString());

        // Attached to an explicit subscription instead, the implicit one is deleted.
        var explicitId = DssCalls.NewId();
        await (await uss.PutJsonAsync($"/dss/v1/subscriptions/{explicitId}", DssCalls.Subscription(area.Volume(fromMin: 0, toMin: 200)))).ShouldAnswerAsync(HttpStatusCode.OK);
        var attached = await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{a.GetProperty("id").GetString()}/{movedRef.GetProperty("ovn").GetString()}",
            DssCalls.Oir(area.Volume(fromMin: 100, toMin: 130), subscriptionId: explicitId))).ShouldAnswerAsync(HttpStatusCode.OK);
        attached.GetProperty("operational_intent_reference").GetProperty("subscription_id").GetString().ShouldBe(explicitId);
        await (await uss.GetAsync($"/dss/v1/subscriptions/{aSub}")).ShouldAnswerAsync(HttpStatusCode.NotFound);
        // An explicit subscription that does not cover the OIR's time is refused.
        var shortId = DssCalls.NewId();
        await (await uss.PutJsonAsync($"/dss/v1/subscriptions/{shortId}", DssCalls.Subscription(area.Volume(fromMin: 0, toMin: 20)))).ShouldAnswerAsync(HttpStatusCode.OK);
        await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}",
            DssCalls.Oir(area.Volume(fromMin: 300, toMin: 330), subscriptionId: shortId))).ShouldAnswerAsync(HttpStatusCode.BadRequest);

        // Implicit subscriptions are expanded as needed: attaching a later OIR to one widens it.
        var c = await uss.CreateOirAsync(DssCalls.NewId(), DssCalls.Oir(area.Volume(fromMin: 400, toMin: 430)));
        var cSub = c.GetProperty("subscription_id").GetString()!;
        var d = await uss.CreateOirAsync(DssCalls.NewId(), DssCalls.Oir(area.Volume(fromMin: 440, toMin: 470), subscriptionId: cSub));
        d.GetProperty("subscription_id").GetString().ShouldBe(cSub);
        var widened = (await (await uss.GetAsync($"/dss/v1/subscriptions/{cSub}")).ShouldAnswerAsync(HttpStatusCode.OK)).GetProperty("subscription");
        widened.GetProperty("time_end").GetProperty("value").GetString().ShouldBe(d.GetProperty("time_end").GetProperty("value").GetString());
        widened.GetProperty("dependent_operational_intents").GetArrayLength().ShouldBe(2);
        // Deleting one of the two keeps the shared implicit subscription.
        await (await uss.DeleteAsync($"/dss/v1/operational_intent_references/{c.GetProperty("id").GetString()}/{c.GetProperty("ovn").GetString()}")).ShouldAnswerAsync(HttpStatusCode.OK);
        await (await uss.GetAsync($"/dss/v1/subscriptions/{cSub}")).ShouldAnswerAsync(HttpStatusCode.OK);
    }

    private static Dictionary<string, (int Index, string Url)> Subscribers(JsonElement change)
    {
        var map = new Dictionary<string, (int, string)>();
        foreach (var s in change.GetProperty("subscribers").EnumerateArray())
        {
            foreach (var state in s.GetProperty("subscriptions").EnumerateArray())
            {
                map[state.GetProperty("subscription_id").GetString()!] = (state.GetProperty("notification_index").GetInt32(), s.GetProperty("uss_base_url").GetString()!);
            }
        }
        return map;
    }
}

public sealed class SqliteSubscriptionTests(SqliteDssHub hub) : SubscriptionTests(hub), IClassFixture<SqliteDssHub>;

public sealed class PostgresSubscriptionTests(PostgresDssHub hub) : SubscriptionTests(hub), IClassFixture<PostgresDssHub>;

[Collection(ClusterPeers.Collection)]
public sealed class ClusterSubscriptionTests(ClusterDssHub hub) : SubscriptionTests(hub), IClassFixture<ClusterDssHub>;
