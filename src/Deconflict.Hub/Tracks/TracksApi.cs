using System.Text.Json;
using Deconflict.Core.Strategic;
using Deconflict.Core.Surveillance;
using Deconflict.Hub.Access;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Events;
using Deconflict.Hub.Http;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;
using Deconflict.Hub.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Tracks;

/// <summary>
/// Live position reports in (<c>POST</c>: a JSON array, or NDJSON) and the live picture out (<c>GET</c>: the
/// tracks the caller may see). Each report is judged on its own; the reply lists the refused ones by index
/// with the fields at fault, and the others are taken.
/// </summary>
public static class TracksApi
{
    public static IEndpointRouteBuilder MapTracksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/tracks").WithTags("Tracks");
        group.MapPost("/", PostAsync).WithName("ReportTracks")
            .WithSummary("Report positions of the caller's aircraft: a JSON array, or NDJSON (Content-Type: application/x-ndjson). 202 with accepted and rejected.")
            .AcceptsJson<IReadOnlyList<PositionReportSchema>>("application/json", "application/x-ndjson").Problems(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListAsync).WithName("ListTracks").WithSummary("The live tracks the caller may see.");
        group.MapGet("/history", HistoryAsync).WithName("TrackHistory")
            .WithSummary("Recorded positions of the tracks the caller may see now: ?from=&to= (RFC 3339; default the last hour, at most 24 h), " +
                "&interval_s= (at most one sample per track per interval), oldest first; 400 when the window holds more than 200000 samples.");
        return routes;
    }

    public static TrackView ToView(LiveTrack t) => new(
        t.Id, t.Party ?? "", DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(t.TimeS * 1000)), t.LatDeg, t.LonDeg,
        Value(t.AltFt), Value(t.GsKt), Value(t.TrkDeg), Value(t.VsFpm), t.IntentId, t.Callsign);

    private static double? Value(double v) => double.IsNaN(v) ? null : v;

    private static async Task<Results<Accepted<TrackBatchReply>, HubProblem>> PostAsync(CallerParty caller, HttpRequest request, LivePicture picture, IntentDesk desk, IHubStore store,
        HubEvents events, Cluster.IHubCluster cluster, IOptions<SurveillanceOptions> options, CancellationToken ct)
    {
        if (caller.PartyId is null)
        {
            return Problems.Forbidden("Tracks are reported by parties, not the admin.");
        }
        var raw = await JsonBody.ReadBytesAsync(request, ct).ConfigureAwait(false);
        if (raw.Problem is not null)
        {
            return raw.Problem;
        }
        var parsed = new List<PositionReport>();
        var indices = new List<int>();
        var rejected = new List<ReportRejection>();
        var mediaType = request.ContentType?.Split(';')[0].Trim() ?? "";
        var ndjson = mediaType is "application/x-ndjson" or "application/ndjson" or "application/jsonl";
        try
        {
            if (ndjson)
            {
                PositionReportJson.ParseNdjson(raw.Value!, parsed, indices, rejected);
            }
            else
            {
                PositionReportJson.ParseArray(raw.Value!, parsed, indices, rejected);
            }
        }
        catch (JsonException e)
        {
            return Problems.Validation("body", $"A JSON array of position reports is required (or NDJSON with Content-Type: application/x-ndjson): {e.Message}");
        }
        var o = options.Value;
        var now = picture.NowS;
        var take = new List<PositionReport>(parsed.Count);
        for (var k = 0; k < parsed.Count; k++)
        {
            var r = parsed[k];
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (r.TimeS > now + o.MaxFutureS)
            {
                errors["t"] = [$"Is more than {o.MaxFutureS:0} s ahead of the hub's clock."];
            }
            else if (r.TimeS < now - o.StaleAfterS)
            {
                errors["t"] = [$"Is older than the {o.StaleAfterS:0} s a track stays live."];
            }
            if (r.IntentId is { } intentId && (desk.Index.Get(caller.PartyId, intentId) is not { } intent || intent.State == IntentState.Ended))
            {
                errors["intent_id"] = ["Names no live intent of the reporting party."];
            }
            if (errors.Count > 0)
            {
                rejected.Add(new ReportRejection(indices[k], errors));
            }
            else
            {
                take.Add(r);
            }
        }
        var updated = new List<LiveTrack>(take.Count);
        picture.Upsert(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(take), caller.PartyId, updated: updated);
        cluster.Relay(caller.PartyId, take);
        var accepted = new List<PositionReport>(take);
        foreach (var track in updated)
        {
            events.PublishTransient("track", track.Id, caller.PartyId, [], HubJson.Serialize(ToView(track)));
        }
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        if (accepted.Count == 0)
        {
            // Nothing taken, nothing to account for: the reply alone says why.
            return TypedResults.Accepted((string?)null, new TrackBatchReply(0, rejected, null));
        }
        // One audit entry per accepted batch, not per report: the digest of exactly the reports taken lets the
        // sender (or anyone it shows them to) prove later which positions the hub accepted from it.
        var digest = TrackReportDigest.Of(accepted);
        var content = HubJson.Serialize(new
        {
            source = "api",
            reports = accepted.Count,
            rejected = rejected.Count,
            reports_sha256 = digest,
            tracks = accepted.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count(),
            first_t = UtcTime(accepted.Min(r => r.TimeS)),
            last_t = UtcTime(accepted.Max(r => r.TimeS)),
        });
        var receipt = await store.WriteAsync(w => w.AppendAuditAsync(caller.PartyId, "tracks.report", "tracks", caller.PartyId, [caller.PartyId], content), ct)
            .ConfigureAwait(false);
        AuditReceiptHeader.Set(request.HttpContext.Response, receipt);
        return TypedResults.Accepted((string?)null, new TrackBatchReply(accepted.Count, rejected, digest));
    }

    internal static string UtcTime(double unixS) => UtcTimeConverter.Format(DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(unixS * 1000)));

    /// <summary>Most samples one history reply carries; a larger window must be narrowed or thinned.</summary>
    public const int HistoryReplyLimit = 200_000;

    private static async Task<Results<Ok<IReadOnlyList<TrackView>>, ValidationProblem>> HistoryAsync(string? from, string? to, double? interval_s, CallerParty caller,
        LivePicture picture, NeedToKnow needToKnow, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (f, t) = QueryWindow.Parse(from, to, errors);
        if (interval_s is { } every && (!double.IsFinite(every) || every < 0 || every > 86_400))
        {
            errors["interval_s"] = ["Seconds from 0 to 86400."];
        }
        var toTime = t ?? picture.Clock.GetUtcNow();
        var fromTime = f ?? toTime.AddHours(-1);
        if (errors.Count == 0 && fromTime >= toTime)
        {
            errors["from"] = ["Must be before to (the default to is now)."];
        }
        if (errors.Count == 0 && toTime - fromTime > TimeSpan.FromHours(24))
        {
            errors["from"] = ["The window may span at most 24 hours."];
        }
        if (errors.Count > 0)
        {
            return Problems.ValidationResult(errors);
        }
        var samples = await Exports.VisibleReads.TrackHistoryAsync(caller, picture, needToKnow, fromTime.ToUnixTimeMilliseconds() / 1000.0,
            toTime.ToUnixTimeMilliseconds() / 1000.0, interval_s ?? 0, HistoryReplyLimit, ct).ConfigureAwait(false);
        if (samples is null)
        {
            return Problems.ValidationResult(new Dictionary<string, string[]>
            {
                ["interval_s"] = [$"The window holds more than {HistoryReplyLimit} samples: shorten it (from, to) or raise interval_s."],
            });
        }
        return TypedResults.Ok<IReadOnlyList<TrackView>>([.. samples.Select(ToView)]);
    }

    private static async Task<Ok<IReadOnlyList<TrackView>>> ListAsync(CallerParty caller, LivePicture picture, NeedToKnow needToKnow, IOptions<SurveillanceOptions> options, CancellationToken ct)
    {
        if (caller.PartyId is null)
        {
            return TypedResults.Ok<IReadOnlyList<TrackView>>([]);
        }
        var tracks = await Exports.VisibleReads.TracksAsync(caller, picture, needToKnow, options.Value.StaleAfterS, ct).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<TrackView>>(tracks
            .Select(ToView)
            .ToList());
    }
}
