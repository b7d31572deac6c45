using System.Buffers;
using System.Globalization;
using Deconflict.Hub.Json;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Events;

/// <summary>
/// <c>GET /api/v1/events</c>: Server-Sent Events of everything the caller may see. Stored events carry their
/// sequence as <c>id:</c>; a client resuming with <c>Last-Event-ID</c> first gets what it missed from the store.
/// </summary>
public static class EventsApi
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/events", StreamAsync).WithTags("Events").WithName("Events")
            .WithSummary("Server-Sent Events (conflict, intent, track, message, escalation, agreement); resume with Last-Event-ID (resync when it is older than the retention).")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream");
        return routes;
    }

    private static async Task StreamAsync(HttpContext context, CallerParty caller, IHubStore store, HubEvents events, EventFrames frames,
        KeyRevocations revocations, IOptions<HubOptions> options)
    {
        // The stream lives as long as the client stays and its key is not revoked.
        using var live = caller.KeyId is { } keyId
            ? CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, revocations.TokenFor(keyId))
            : CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var ct = live.Token;
        if (caller.KeyId is not null && await store.GetKeyAsync(caller.KeyId, context.RequestAborted).ConfigureAwait(false) is not { RevokedAt: null })
        {
            // Revoked between authentication and taking the token.
            await Problems.Unauthorized("The API key was revoked.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        // Only what this caller may see is queued for its stream: the others' events never wake it.
        using var subscription = events.SubscribeStream(wants: d => d.VisibleTo(caller.Id, frames.CanSee));
        var stream = new ViewerStream(caller.Id, frames, events, response);
        try
        {
            await StreamToAsync(context, subscription, stream, store, options.Value, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client left, or its key was revoked: the response ends here.
        }
    }

    private static async Task StreamToAsync(HttpContext context, StreamSubscription subscription, ViewerStream stream, IHubStore store, HubOptions options, CancellationToken ct)
    {
        var response = context.Response;
        await response.WriteAsync(": connected\n\n", ct).ConfigureAwait(false);
        long last;
        var header = context.Request.Headers["Last-Event-ID"].ToString();
        if (header.Length == 0)
        {
            header = context.Request.Query["last_event_id"].ToString();
        }
        var (oldest, newest) = await store.EventSpanAsync(ct).ConfigureAwait(false);
        // An id from the future (another database, a restored backup) would silence the stream: start afresh.
        if (header.Length > 0 && long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var resume) && resume <= newest)
        {
            if (resume < oldest - 1)
            {
                // What came after it was pruned: the client must re-read the lists, then follow from here.
                await response.WriteAsync(Resync(resume, oldest, newest, options.EventRetentionS), ct).ConfigureAwait(false);
                last = newest;
            }
            else
            {
                last = await ReplayAsync(store, stream, resume, options.EventReplayLimit, ct).ConfigureAwait(false);
            }
        }
        else
        {
            last = newest;
        }
        await response.Body.FlushAsync(ct).ConfigureAwait(false);
        // One heartbeat timer per stream, re-armed after each wake-up rather than made anew for every event.
        var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            await FollowAsync(response, subscription, stream, store, options, last, wait, ct).ConfigureAwait(false);
        }
        finally
        {
            wait.Dispose();
        }
    }

    private static async Task FollowAsync(HttpResponse response, StreamSubscription subscription, ViewerStream stream, IHubStore store, HubOptions options,
        long last, CancellationTokenSource wait, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            if (!wait.TryReset())
            {
                wait.Dispose();
                wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            }
            wait.CancelAfter(Heartbeat);
            bool ready;
            try
            {
                ready = await subscription.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await response.WriteAsync(": keepalive\n\n", ct).ConfigureAwait(false);
                await response.Body.FlushAsync(ct).ConfigureAwait(false);
                continue;
            }
            if (!ready)
            {
                break;
            }
            if (subscription.TakeLagged())
            {
                while (subscription.Reader.TryRead(out _))
                {
                }
                last = await ReplayAsync(store, stream, last, options.EventReplayLimit, ct).ConfigureAwait(false);
                continue;
            }
            var wrote = false;
            while (subscription.Reader.TryRead(out var e))
            {
                if (e.Record.Sequence != 0 && e.Record.Sequence <= last)
                {
                    continue;
                }
                wrote |= stream.Write(e);
                if (e.Record.Sequence != 0)
                {
                    last = e.Record.Sequence;
                }
            }
            // Most events are for other readers: nothing to send, no flush.
            if (wrote)
            {
                await response.Body.FlushAsync(ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The <c>resync</c> event: the events after <paramref name="resume"/> are no longer stored. Its id is the newest
    /// sequence, so a client reconnecting after it resumes from there.
    /// </summary>
    private static string Resync(long resume, long oldest, long newest, long retentionS) =>
        EventFrames.Frame(newest, "resync", HubJson.Serialize(new
        {
            reason = "retention",
            last_event_id = resume,
            oldest_event_id = oldest,
            retention_s = retentionS,
            detail = "Events after last_event_id are older than the retention and no longer stored: re-read the lists (intents, conflicts, agreements) and follow the stream from here.",
        }));

    private static async Task<long> ReplayAsync(IHubStore store, ViewerStream stream, long after, int limit, CancellationToken ct)
    {
        var last = after;
        var sent = 0;
        while (sent < limit)
        {
            var batch = await store.ReadEventsAsync(last, Math.Min(500, limit - sent), ct).ConfigureAwait(false);
            foreach (var e in batch)
            {
                stream.WriteReplayed(e);
                last = e.Sequence;
            }
            // Flushed per read batch, so a long replay is never held in memory whole.
            await stream.FlushAsync(ct).ConfigureAwait(false);
            sent += batch.Count;
            if (batch.Count < 500)
            {
                break;
            }
        }
        return last;
    }

    /// <summary>
    /// Writes events to one viewer. Live events are rendered once per reader party for all its streams, with the open
    /// conflicts as of the event; replayed ones with the open conflicts as they are now.
    /// </summary>
    private sealed class ViewerStream(string viewer, EventFrames frames, HubEvents events, HttpResponse response)
    {
        /// <summary>Writes the event's frame for this viewer; false when the viewer may not see it.</summary>
        public bool Write(EventDelivery e)
        {
            var frame = e.FrameFor(viewer, frames.Render);
            if (frame.Length == 0)
            {
                return false;
            }
            // Copied into the response's pipe; the caller flushes once for all the events it had queued.
            response.BodyWriter.Write(frame);
            return true;
        }

        public async Task FlushAsync(CancellationToken ct) => await response.Body.FlushAsync(ct).ConfigureAwait(false);

        public bool WriteReplayed(EventRecord e) => Write(new EventDelivery(e, events.OpenConflicts.Current));
    }
}
