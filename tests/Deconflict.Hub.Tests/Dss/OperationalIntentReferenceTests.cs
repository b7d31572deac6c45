using System.Net;
using Deconflict.Hub.Tests.Hosting;
using System.Text.Json.Nodes;
using S = Deconflict.Hub.Dss.DssScopes;

namespace Deconflict.Hub.Tests.Dss;

/// <summary>
/// The uss_qualifier DSS scenarios op_intent_ref_simple, op_intent_ref_key_validation, op_intent_ref_state_transitions
/// and op_intent_ref_access_control, each check named after the requirement it verifies.
/// </summary>
public abstract class OperationalIntentReferenceTests(DssHub hub)
{
    [Fact]
    public async Task Op_intent_ref_simple_create_read_search_update_delete()
    {
        var area = DssArea.New();
        using var uss = hub.Uss("uss-simple", S.StrategicCoordination);
        var id = DssCalls.NewId();

        // DSS0005,1: create succeeds with 201 and a well-formed reference.
        var created = await uss.CreateOirAsync(id, DssCalls.Oir(area.Volume()));
        created.GetProperty("id").GetString().ShouldBe(id);
        created.GetProperty("manager").GetString().ShouldBe("uss-simple");
        created.GetProperty("state").GetString().ShouldBe("Accepted");
        created.GetProperty("version").GetInt32().ShouldBe(1);
        created.GetProperty("uss_availability").GetString().ShouldBe("Unknown");
        created.GetProperty("uss_base_url").GetString().ShouldBe(DssCalls.UssUrl);
        var ovn = created.GetProperty("ovn").GetString()!;
        ovn.Length.ShouldBeInRange(16, 128);
        created.GetProperty("time_start").GetProperty("format").GetString().ShouldBe("RFC3339");

        // Read: the manager sees the OVN; another USS does not.
        var read = await (await uss.GetAsync($"/dss/v1/operational_intent_references/{id}")).ShouldAnswerAsync(HttpStatusCode.OK);
        read.GetProperty("operational_intent_reference").GetProperty("ovn").GetString().ShouldBe(ovn);
        using var other = hub.Uss("uss-simple-other", S.StrategicCoordination);
        var seen = await (await other.GetAsync($"/dss/v1/operational_intent_references/{id}")).ShouldAnswerAsync(HttpStatusCode.OK);
        seen.GetProperty("operational_intent_reference").TryGetProperty("ovn", out _).ShouldBeFalse();

        // Search: found in its area, not elsewhere, not in another time.
        var found = await (await uss.PostJsonAsync("/dss/v1/operational_intent_references/query", DssCalls.Query(area.Volume(radiusM: 2_000)))).ShouldAnswerAsync(HttpStatusCode.OK);
        found.GetProperty("operational_intent_references").Ids().ShouldContain(id);
        var elsewhere = await (await uss.PostJsonAsync("/dss/v1/operational_intent_references/query", DssCalls.Query(area.Volume(eastM: 10_000)))).ShouldAnswerAsync(HttpStatusCode.OK);
        elsewhere.GetProperty("operational_intent_references").Ids().ShouldNotContain(id);
        var later = await (await uss.PostJsonAsync("/dss/v1/operational_intent_references/query", DssCalls.Query(area.Volume(fromMin: 100, toMin: 200)))).ShouldAnswerAsync(HttpStatusCode.OK);
        later.GetProperty("operational_intent_references").Ids().ShouldNotContain(id);

        // Creating the same id again is refused; an update with a stale OVN is 409; the right OVN gives a new OVN and version.
        (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{id}", DssCalls.Oir(area.Volume()))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{id}/not-the-current-ovn-at-all", DssCalls.Oir(area.Volume()))).ShouldAnswerAsync(HttpStatusCode.Conflict);
        var updated = (await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{id}/{ovn}", DssCalls.Oir(area.Volume(), "Activated"))).ShouldAnswerAsync(HttpStatusCode.OK))
            .GetProperty("operational_intent_reference");
        updated.GetProperty("version").GetInt32().ShouldBe(2);
        updated.GetProperty("state").GetString().ShouldBe("Activated");
        var ovn2 = updated.GetProperty("ovn").GetString()!;
        ovn2.ShouldNotBe(ovn);

        // Delete needs the current OVN; afterwards the reference is gone.
        await (await uss.DeleteAsync($"/dss/v1/operational_intent_references/{id}/{ovn}")).ShouldAnswerAsync(HttpStatusCode.Conflict);
        var deleted = await (await uss.DeleteAsync($"/dss/v1/operational_intent_references/{id}/{ovn2}")).ShouldAnswerAsync(HttpStatusCode.OK);
        deleted.GetProperty("operational_intent_reference").GetProperty("id").GetString().ShouldBe(id);
        deleted.GetProperty("subscribers").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Array);
        await (await uss.GetAsync($"/dss/v1/operational_intent_references/{id}")).ShouldAnswerAsync(HttpStatusCode.NotFound);
        await (await uss.DeleteAsync($"/dss/v1/operational_intent_references/{id}/{ovn2}")).ShouldAnswerAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Op_intent_ref_simple_time_rules_and_extents()
    {
        var area = DssArea.New();
        using var uss = hub.Uss("uss-rules", S.StrategicCoordination);
        // End in the past, start after end, missing times or altitudes, no extents, unknown state: 400 naming the field.
        (await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", DssCalls.Oir(area.Volume(fromMin: -60, toMin: -1)))).ShouldAnswerAsync(HttpStatusCode.BadRequest))
            .GetProperty("message").GetString()!.ShouldContain("time_end");
        (await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", DssCalls.Oir(area.Volume(fromMin: 60, toMin: 30)))).ShouldAnswerAsync(HttpStatusCode.BadRequest))
            .GetProperty("message").GetString()!.ShouldContain("time_start");
        (await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", DssCalls.Oir(area.Volume(withTimes: false)))).ShouldAnswerAsync(HttpStatusCode.BadRequest))
            .GetProperty("message").GetString()!.ShouldContain("extents[0].time_start");
        (await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", DssCalls.Oir(area.Volume(withAltitudes: false)))).ShouldAnswerAsync(HttpStatusCode.BadRequest))
            .GetProperty("message").GetString()!.ShouldContain("altitude_lower");
        var empty = DssCalls.Oir(area.Volume());
        empty["extents"] = new JsonArray();
        (await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", empty)).ShouldAnswerAsync(HttpStatusCode.BadRequest))
            .GetProperty("message").GetString()!.ShouldContain("extents");
        (await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", DssCalls.Oir(area.Volume(), "Flying"))).ShouldAnswerAsync(HttpStatusCode.BadRequest))
            .GetProperty("message").GetString()!.ShouldContain("state");
        (await (await uss.PutJsonAsync("/dss/v1/operational_intent_references/not-a-uuid", DssCalls.Oir(area.Volume()))).ShouldAnswerAsync(HttpStatusCode.BadRequest))
            .GetProperty("message").GetString()!.ShouldContain("entityid");
        // Too large an area, to create or to search.
        await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", DssCalls.Oir(area.Volume(radiusM: 1_000_000)))).ShouldAnswerAsync(HttpStatusCode.BadRequest);
        await (await uss.PostJsonAsync("/dss/v1/operational_intent_references/query", DssCalls.Query(area.Volume(radiusM: 1_000_000)))).ShouldAnswerAsync(HttpStatusCode.BadRequest);
        // Malformed bodies are 400, never 5xx.
        foreach (var bad in new[] { "", "[]", "{", "{\"extents\":5}", "{\"extents\":[{\"volume\":{\"outline_circle\":{\"center\":{\"lat\":\"x\"}}}}]}", "{\"extents\":[null],\"state\":\"Accepted\"}" })
        {
            using var response = await uss.PutAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", new StringContent(bad, System.Text.Encoding.UTF8, "application/json"));
            await response.ShouldAnswerAsync(HttpStatusCode.BadRequest);
        }
        // A polygon outline works as well as a circle.
        await uss.CreateOirAsync(DssCalls.NewId(), DssCalls.Oir(area.Square(800)));
    }

    [Fact]
    public async Task Op_intent_ref_key_validation()
    {
        var area = DssArea.New();
        using var uss = hub.Uss("uss-keys", S.StrategicCoordination);
        // DSS0005,1: the first OIR in an area needs no key; a second one that does not overlap in time needs none either.
        var first = await uss.CreateOirAsync(DssCalls.NewId(), DssCalls.Oir(area.Volume(fromMin: 10, toMin: 40)));
        var second = await uss.CreateOirAsync(DssCalls.NewId(), DssCalls.Oir(area.Volume(fromMin: 50, toMin: 80)));
        var ovn1 = first.GetProperty("ovn").GetString()!;
        var ovn2 = second.GetProperty("ovn").GetString()!;

        // DSS0210,A2-7-2,2a: overlapping without the OVN is 409 naming the missing references.
        async Task<IReadOnlyList<string>> Missing(JsonObject extent, params string[] key)
        {
            var body = await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", DssCalls.Oir(extent, key: key))).ShouldAnswerAsync(HttpStatusCode.Conflict);
            body.GetProperty("missing_constraints").GetArrayLength().ShouldBe(0);
            return body.GetProperty("missing_operational_intents").Ids();
        }
        (await Missing(area.Volume(fromMin: 20, toMin: 30))).ShouldBe([first.GetProperty("id").GetString()!]);
        (await Missing(area.Volume(fromMin: 60, toMin: 70))).ShouldBe([second.GetProperty("id").GetString()!]);
        (await Missing(area.Volume(fromMin: 20, toMin: 70))).Order().ShouldBe(new[] { first.GetProperty("id").GetString()!, second.GetProperty("id").GetString()! }.Order());
        (await Missing(area.Volume(fromMin: 20, toMin: 70), ovn1)).ShouldBe([second.GetProperty("id").GetString()!]);

        // With both OVNs it succeeds.
        var thirdId = DssCalls.NewId();
        var third = await uss.CreateOirAsync(thirdId, DssCalls.Oir(area.Volume(fromMin: 20, toMin: 70), key: [ovn1, ovn2]));
        var ovn3 = third.GetProperty("ovn").GetString()!;

        // Key validation on mutation: both missing, then the first missing; the OIR's own OVN is not needed in its key.
        var both = await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{thirdId}/{ovn3}", DssCalls.Oir(area.Volume(fromMin: 20, toMin: 70)))).ShouldAnswerAsync(HttpStatusCode.Conflict);
        both.GetProperty("missing_operational_intents").GetArrayLength().ShouldBe(2);
        var one = await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{thirdId}/{ovn3}", DssCalls.Oir(area.Volume(fromMin: 20, toMin: 70), key: [ovn2]))).ShouldAnswerAsync(HttpStatusCode.Conflict);
        one.GetProperty("missing_operational_intents").Ids().ShouldBe([first.GetProperty("id").GetString()!]);
        // A reference in the 409 does not give another manager's OVN away... but these are all this USS's own.
        one.GetProperty("missing_operational_intents")[0].GetProperty("ovn").GetString().ShouldBe(ovn1);
        await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{thirdId}/{ovn3}", DssCalls.Oir(area.Volume(fromMin: 20, toMin: 70), key: [ovn1, ovn2]))).ShouldAnswerAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Op_intent_ref_state_transitions()
    {
        var area = DssArea.New();
        using var uss = hub.Uss("uss-states", S.StrategicCoordination);
        // SCD0100: without utm.conformance_monitoring_sa, no Nonconforming or Contingent, on creation or after.
        await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", DssCalls.Oir(area.Volume(), "Nonconforming"))).ShouldAnswerAsync(HttpStatusCode.Forbidden);
        await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", DssCalls.Oir(area.Volume(), "Contingent"))).ShouldAnswerAsync(HttpStatusCode.Forbidden);
        // DSS0005,1: Accepted must come first, even with the conformance scope.
        using var monitor = hub.Uss("uss-states", S.StrategicCoordination, S.ConformanceMonitoring);
        await (await monitor.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", DssCalls.Oir(area.Volume(), "Activated"))).ShouldAnswerAsync(HttpStatusCode.BadRequest);
        var id = DssCalls.NewId();
        var ovn = (await uss.CreateOirAsync(id, DssCalls.Oir(area.Volume()))).GetProperty("ovn").GetString()!;
        await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{id}/{ovn}", DssCalls.Oir(area.Volume(), "Nonconforming"))).ShouldAnswerAsync(HttpStatusCode.Forbidden);
        await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{id}/{ovn}", DssCalls.Oir(area.Volume(), "Contingent"))).ShouldAnswerAsync(HttpStatusCode.Forbidden);
        var activated = await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{id}/{ovn}", DssCalls.Oir(area.Volume(), "Activated"))).ShouldAnswerAsync(HttpStatusCode.OK);
        ovn = activated.GetProperty("operational_intent_reference").GetProperty("ovn").GetString()!;
        // Activated may not go back to Accepted; with the conformance scope it may become Nonconforming without a key.
        await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{id}/{ovn}", DssCalls.Oir(area.Volume(), "Accepted"))).ShouldAnswerAsync(HttpStatusCode.BadRequest);
        var off = await (await monitor.PutJsonAsync($"/dss/v1/operational_intent_references/{id}/{ovn}", DssCalls.Oir(area.Volume(), "Nonconforming"))).ShouldAnswerAsync(HttpStatusCode.OK);
        ovn = off.GetProperty("operational_intent_reference").GetProperty("ovn").GetString()!;
        // Ended = deleted: afterwards no state can be set on it.
        await (await uss.DeleteAsync($"/dss/v1/operational_intent_references/{id}/{ovn}")).ShouldAnswerAsync(HttpStatusCode.OK);
        await (await monitor.PutJsonAsync($"/dss/v1/operational_intent_references/{id}/{ovn}", DssCalls.Oir(area.Volume(), "Nonconforming"))).ShouldAnswerAsync(HttpStatusCode.NotFound);
        await (await monitor.PutJsonAsync($"/dss/v1/operational_intent_references/{id}/{ovn}", DssCalls.Oir(area.Volume(), "Contingent"))).ShouldAnswerAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Op_intent_ref_access_control()
    {
        var area = DssArea.New();
        using var owner = hub.Uss("uss-owner", S.StrategicCoordination);
        using var intruder = hub.Uss("uss-intruder", S.StrategicCoordination);
        var id = DssCalls.NewId();
        var ovn = (await owner.CreateOirAsync(id, DssCalls.Oir(area.Volume()))).GetProperty("ovn").GetString()!;
        // DSS0005,1: only the manager may mutate or delete, even knowing the OVN.
        await (await intruder.PutJsonAsync($"/dss/v1/operational_intent_references/{id}/{ovn}", DssCalls.Oir(area.Volume(), key: [ovn]))).ShouldAnswerAsync(HttpStatusCode.Forbidden);
        await (await intruder.DeleteAsync($"/dss/v1/operational_intent_references/{id}/{ovn}")).ShouldAnswerAsync(HttpStatusCode.Forbidden);
        var still = await (await owner.GetAsync($"/dss/v1/operational_intent_references/{id}")).ShouldAnswerAsync(HttpStatusCode.OK);
        still.GetProperty("operational_intent_reference").GetProperty("ovn").GetString().ShouldBe(ovn);
    }
}

public sealed class SqliteOperationalIntentReferenceTests(SqliteDssHub hub) : OperationalIntentReferenceTests(hub), IClassFixture<SqliteDssHub>;

public sealed class PostgresOperationalIntentReferenceTests(PostgresDssHub hub) : OperationalIntentReferenceTests(hub), IClassFixture<PostgresDssHub>;

[Collection(ClusterPeers.Collection)]
public sealed class ClusterOperationalIntentReferenceTests(ClusterDssHub hub) : OperationalIntentReferenceTests(hub), IClassFixture<ClusterDssHub>;
