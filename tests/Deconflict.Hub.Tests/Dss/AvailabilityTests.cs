using System.Net;
using Deconflict.Hub.Tests.Hosting;
using System.Text.Json.Nodes;
using S = Deconflict.Hub.Dss.DssScopes;

namespace Deconflict.Hub.Tests.Dss;

/// <summary>The uss_qualifier scenarios uss_availability and the report fragment, and constraint references (constraint_ref_simple).</summary>
public abstract class AvailabilityTests(DssHub hub)
{
    [Fact]
    public async Task Uss_availability_read_set_and_down_rules()
    {
        var uss = "uss-avail-" + Guid.NewGuid().ToString("N")[..6];
        using var arbiter = hub.Uss("arbiter", S.AvailabilityArbitration);
        using var planner = hub.Uss(uss, S.StrategicCoordination);
        // DSS0100,1: unknown by default, version empty.
        var initial = await (await planner.GetAsync($"/dss/v1/uss_availability/{uss}")).ShouldAnswerAsync(HttpStatusCode.OK);
        initial.GetProperty("status").GetProperty("availability").GetString().ShouldBe("Unknown");
        initial.GetProperty("status").GetProperty("uss").GetString().ShouldBe(uss);
        initial.GetProperty("version").GetString().ShouldBe("");
        // Setting needs the current version; a stale one is 409; a bad state 400; the planner may not set it.
        var set = await (await arbiter.PutJsonAsync($"/dss/v1/uss_availability/{uss}", new JsonObject { ["old_version"] = "", ["availability"] = "Down" })).ShouldAnswerAsync(HttpStatusCode.OK);
        var version = set.GetProperty("version").GetString()!;
        version.ShouldNotBeEmpty();
        await (await arbiter.PutJsonAsync($"/dss/v1/uss_availability/{uss}", new JsonObject { ["old_version"] = "", ["availability"] = "Normal" })).ShouldAnswerAsync(HttpStatusCode.Conflict);
        await (await arbiter.PutJsonAsync($"/dss/v1/uss_availability/{uss}", new JsonObject { ["old_version"] = version, ["availability"] = "Sleepy" })).ShouldAnswerAsync(HttpStatusCode.BadRequest);
        await (await planner.PutJsonAsync($"/dss/v1/uss_availability/{uss}", new JsonObject { ["old_version"] = version, ["availability"] = "Normal" })).ShouldAnswerAsync(HttpStatusCode.Forbidden);
        (await (await planner.GetAsync($"/dss/v1/uss_availability/{uss}")).ShouldAnswerAsync(HttpStatusCode.OK)).GetProperty("status").GetProperty("availability").GetString().ShouldBe("Down");

        // A Down USS may not plan (412); references show the manager's availability.
        var area = DssArea.New();
        await (await planner.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", DssCalls.Oir(area.Volume()))).ShouldAnswerAsync(HttpStatusCode.PreconditionFailed);
        var normal = await (await arbiter.PutJsonAsync($"/dss/v1/uss_availability/{uss}", new JsonObject { ["old_version"] = version, ["availability"] = "Normal" })).ShouldAnswerAsync(HttpStatusCode.OK);
        var created = await planner.CreateOirAsync(DssCalls.NewId(), DssCalls.Oir(area.Volume()));
        created.GetProperty("uss_availability").GetString().ShouldBe("Normal");
        await (await arbiter.PutJsonAsync($"/dss/v1/uss_availability/{uss}", new JsonObject { ["old_version"] = normal.GetProperty("version").GetString(), ["availability"] = "Down" })).ShouldAnswerAsync(HttpStatusCode.OK);
        // ...nor delete.
        await (await planner.DeleteAsync($"/dss/v1/operational_intent_references/{created.GetProperty("id").GetString()}/{created.GetProperty("ovn").GetString()}")).ShouldAnswerAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Reports_are_archived_with_an_id()
    {
        using var uss = hub.Uss("uss-reporter", S.StrategicCoordination);
        var report = new JsonObject
        {
            ["exchange"] = new JsonObject
            {
                ["url"] = "https://other.test/uss/v1/operational_intents/x",
                ["method"] = "GET",
                ["recorder_role"] = "Client",
                ["request_time"] = DssCalls.Time(DateTimeOffset.UtcNow),
                ["request_source"] = "uss-reporter",
                ["problem"] = "timed out",
            },
        };
        var created = await (await uss.PostJsonAsync("/dss/v1/reports", report)).ShouldAnswerAsync(HttpStatusCode.Created);
        created.GetProperty("report_id").GetString().ShouldNotBeNullOrEmpty();
        created.GetProperty("exchange").GetProperty("problem").GetString().ShouldBe("timed out");
        await (await uss.PostJsonAsync("/dss/v1/reports", new JsonObject())).ShouldAnswerAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Constraint_ref_simple_and_constraints_in_keys()
    {
        var area = DssArea.New();
        using var manager = hub.Uss("uss-constraints", S.ConstraintManagement);
        using var processor = hub.Uss("uss-processor", S.StrategicCoordination, S.ConstraintProcessing);
        var id = DssCalls.NewId();
        var body = new JsonObject { ["extents"] = new JsonArray(area.Volume(radiusM: 1_000)), ["uss_base_url"] = DssCalls.UssUrl };
        var created = (await (await manager.PutJsonAsync($"/dss/v1/constraint_references/{id}", body)).ShouldAnswerAsync(HttpStatusCode.Created)).GetProperty("constraint_reference");
        var ovn = created.GetProperty("ovn").GetString()!;
        (await manager.PutJsonAsync($"/dss/v1/constraint_references/{id}", body.DeepClone())).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await processor.GetAsync($"/dss/v1/constraint_references/{id}")).ShouldAnswerAsync(HttpStatusCode.OK)).GetProperty("constraint_reference").TryGetProperty("ovn", out _).ShouldBeFalse();
        (await (await processor.PostJsonAsync("/dss/v1/constraint_references/query", DssCalls.Query(area.Volume()))).ShouldAnswerAsync(HttpStatusCode.OK))
            .GetProperty("constraint_references").Ids().ShouldBe([id]);

        // An OIR whose subscription asks for constraints must key them; one that does not need not.
        var withConstraints = DssCalls.Oir(area.Volume());
        withConstraints["new_subscription"]!["notify_for_constraints"] = true;
        var refused = await (await processor.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", withConstraints)).ShouldAnswerAsync(HttpStatusCode.Conflict);
        refused.GetProperty("missing_constraints").Ids().ShouldBe([id]);
        withConstraints["key"] = new JsonArray(ovn);
        await processor.CreateOirAsync(DssCalls.NewId(), withConstraints);
        await processor.CreateOirAsync(DssCalls.NewId(), DssCalls.Oir(DssArea.New().Volume()));

        // Update with the OVN (new OVN); the update names the subscribers that asked for constraints; delete.
        var updated = await (await manager.PutJsonAsync($"/dss/v1/constraint_references/{id}/{ovn}", body.DeepClone())).ShouldAnswerAsync(HttpStatusCode.OK);
        updated.GetProperty("subscribers").GetArrayLength().ShouldBe(1);
        var ovn2 = updated.GetProperty("constraint_reference").GetProperty("ovn").GetString()!;
        ovn2.ShouldNotBe(ovn);
        await (await processor.DeleteAsync($"/dss/v1/constraint_references/{id}/{ovn2}")).ShouldAnswerAsync(HttpStatusCode.Forbidden);
        await (await manager.DeleteAsync($"/dss/v1/constraint_references/{id}/{ovn}")).ShouldAnswerAsync(HttpStatusCode.Conflict);
        await (await manager.DeleteAsync($"/dss/v1/constraint_references/{id}/{ovn2}")).ShouldAnswerAsync(HttpStatusCode.OK);
        await (await manager.GetAsync($"/dss/v1/constraint_references/{id}")).ShouldAnswerAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteAvailabilityTests(SqliteDssHub hub) : AvailabilityTests(hub), IClassFixture<SqliteDssHub>;

public sealed class PostgresAvailabilityTests(PostgresDssHub hub) : AvailabilityTests(hub), IClassFixture<PostgresDssHub>;

[Collection(ClusterPeers.Collection)]
public sealed class ClusterAvailabilityTests(ClusterDssHub hub) : AvailabilityTests(hub), IClassFixture<ClusterDssHub>;
