using System.Text.Json;
using System.Text.Json.Nodes;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Dss;

/// <summary>
/// USS availability (Unknown, Normal, Down) set by arbitration with read-modify-write versions, and error reports
/// archived for the record. A Down USS may not plan, activate or delete operational intents.
/// </summary>
public sealed class AvailabilityDesk(IHubStore store, DssState state)
{
    private static readonly string[] States = ["Unknown", "Normal", "Down"];

    public DssReply Get(string uss) =>
        DssReply.Ok(View(state.Availability.TryGetValue(uss, out var a) ? a : new DssAvailability(uss, "Unknown", "")));

    public Task<DssReply> SetAsync(DssCaller caller, string uss, JsonElement body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (uss.Length is 0 or > 200)
        {
            throw new DssInputException("uss_id", "must be 1 to 200 characters");
        }
        var oldVersion = DssJsonRead.OptionalString(body, "old_version", "old_version") ?? "";
        var availability = DssJsonRead.String(body, "availability", "availability");
        if (!States.Contains(availability))
        {
            throw new DssInputException("availability", $"must be one of {string.Join(", ", States)}");
        }
        return store.WriteAsync(async w =>
        {
            var current = state.Availability.TryGetValue(uss, out var a) ? a.Version : "";
            if (current != oldVersion)
            {
                return DssReply.Conflict($"old_version '{oldVersion}' is not the current version '{current}' of {uss}'s availability.");
            }
            var next = new DssAvailability(uss, availability, DssIds.NewVersion());
            await DssStore.UpsertAsync(w, next).ConfigureAwait(false);
            w.AfterCommit(() => state.Availability[uss] = next);
            var view = View(next);
            await w.AppendAuditAsync(caller.PartyId, "dss.availability.set", "dss_availability", uss, [caller.PartyId], view.ToJsonString()).ConfigureAwait(false);
            return DssReply.Ok(view);
        }, ct);
    }

    public Task<DssReply> ReportAsync(DssCaller caller, JsonElement body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        DssJsonRead.Object(body, "exchange", "exchange");
        var report = JsonNode.Parse(body.GetRawText())!.AsObject();
        var id = Guid.NewGuid().ToString();
        report["report_id"] = id;
        return store.WriteAsync(async w =>
        {
            var json = report.ToJsonString();
            await DssStore.InsertReportAsync(w, id, caller.Subject, json).ConfigureAwait(false);
            await w.AppendAuditAsync(caller.PartyId, "dss.report", "dss_report", id, [caller.PartyId], json).ConfigureAwait(false);
            return DssReply.Created(report);
        }, ct);
    }

    private static JsonObject View(DssAvailability a) => new()
    {
        ["status"] = new JsonObject { ["uss"] = a.Uss, ["availability"] = a.Availability },
        ["version"] = a.Version,
    };
}
