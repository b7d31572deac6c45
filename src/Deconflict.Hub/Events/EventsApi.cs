using System.Globalization;
using System.Text;
using System.Text.Json;
using Deconflict.Hub.Access;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Conflicts;
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
            .WithSummary("Server-Sent Events (conflict, intent, track, message, escalation, agreement); resume with Last-Event-ID.")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream");
        return routes;
    }

    private static async Task StreamAsync(HttpContext context, CallerParty caller, IHubStore store, HubEvents events, NeedToKnow needToKnow,
        AgreementBook book, KeyRevocations revocations, IOptions<HubOptions> options)
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
        using var subscription = events.Subscribe();
        var viewer = caller.Id;
        var stream = new ViewerStream(viewer, needToKnow, book, response);
        try
        {
            await StreamToAsync(context, subscription, stream, store, options.Value.EventReplayLimit, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client left, or its key was revoked: the response ends here.
        }
    }

    private static async Task StreamToAsync(HttpContext context, EventSubscription subscription, ViewerStream stream, IHubStore store, int replayLimit, CancellationToken ct)
    {
        var response = context.Response;
        await response.WriteAsync(": connected\n\n", ct).ConfigureAwait(false);
        long last;
        var header = context.Request.Headers["Last-Event-ID"].ToString();
        if (header.Length == 0)
        {
            header = context.Request.Query["last_event_id"].ToString();
        }
        var newest = await store.LastEventSequenceAsync(ct).ConfigureAwait(false);
        // An id from the future (another database, a restored backup) would silence the stream: start afresh.
        if (header.Length > 0 && long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var resume) && resume <= newest)
        {
            last = await ReplayAsync(store, stream, resume, replayLimit, ct).ConfigureAwait(false);
        }
        else
        {
            last = newest;
        }
        await response.Body.FlushAsync(ct).ConfigureAwait(false);
        while (!ct.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
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
                last = await ReplayAsync(store, stream, last, replayLimit, ct).ConfigureAwait(false);
                continue;
            }
            while (subscription.Reader.TryRead(out var e))
            {
                if (e.Sequence != 0 && e.Sequence <= last)
                {
                    continue;
                }
                await stream.WriteAsync(e, ct).ConfigureAwait(false);
                if (e.Sequence != 0)
                {
                    last = e.Sequence;
                }
            }
            await response.Body.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    private static async Task<long> ReplayAsync(IHubStore store, ViewerStream stream, long after, int limit, CancellationToken ct)
    {
        var last = after;
        var sent = 0;
        while (sent < limit)
        {
            var batch = await store.ReadEventsAsync(last, Math.Min(500, limit - sent), ct).ConfigureAwait(false);
            foreach (var e in batch)
            {
                await stream.WriteAsync(e, ct).ConfigureAwait(false);
                last = e.Sequence;
            }
            sent += batch.Count;
            if (batch.Count < 500)
            {
                break;
            }
        }
        return last;
    }

    /// <summary>
    /// Writes events to one viewer, applying the visibility rule at delivery time; a conflict event is narrowed to
    /// what this viewer may learn of the conflict's objects.
    /// </summary>
    private sealed class ViewerStream(string viewer, NeedToKnow needToKnow, AgreementBook book, HttpResponse response)
    {
        private IReadOnlySet<ObjectRef>? _conflictObjects;

        public async Task WriteAsync(EventRecord e, CancellationToken ct)
        {
            if (e.Type == "conflict")
            {
                _conflictObjects = null;
            }
            _conflictObjects ??= await needToKnow.ConflictObjectsAsync(viewer, ct).ConfigureAwait(false);
            if (!needToKnow.CanSeeEvent(viewer, e, _conflictObjects))
            {
                return;
            }
            var data = e.DataJson;
            if (e.Type == "conflict" && JsonSerializer.Deserialize<ConflictView>(data, HubJson.Options) is { } full)
            {
                // Events stored before objects carried their owner name bare ids: those are not repeated.
                data = HubJson.Serialize(full.ObjectRefs is null ? full with { Objects = [], ObjectRefs = [] } : ConflictViews.Narrow(full, viewer, book));
            }
            var text = new StringBuilder();
            if (e.Sequence != 0)
            {
                text.Append("id: ").Append(e.Sequence.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
            text.Append("event: ").Append(e.Type).Append('\n');
            foreach (var line in data.Split('\n'))
            {
                text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
            }
            text.Append('\n');
            await response.WriteAsync(text.ToString(), ct).ConfigureAwait(false);
        }
    }
}
