using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Deconflict.Core.Utm;
using Deconflict.Hub.Events;
using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Dss;

/// <summary>
/// The hub as the managing USS of its own intents: when a hub intent changes, every live subscription that asked for
/// operational intents, meets the intent's volumes and whose USS may see it (need-to-know) is told, as F3548 says a
/// managing USS must: its notification index goes up and an audited entry names the targets (one write), then
/// <c>POST {uss_base_url}/uss/v1/operational_intents</c> carries the details (none once the intent ended), with at
/// most <see cref="F3548Options.NotifyAttempts"/> attempts per USS, each logged.
/// </summary>
public sealed partial class DssNotifier(HubEvents events, IHubStore store, DssState state, HubIntentReferences references, IHttpClientFactory http,
    IOptions<F3548Options> options, TimeProvider clock, ILogger<DssNotifier> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Changes stored between reading the newest sequence and subscribing are read back before the queue.
        var last = await store.LastEventSequenceAsync(stoppingToken).ConfigureAwait(false);
        using var subscription = events.Subscribe(e => e.Type == "intent");
        using var key = LoadKey();
        last = await CatchUpAsync(last, key, stoppingToken).ConfigureAwait(false);
        await foreach (var e in subscription.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            if (subscription.TakeLagged())
            {
                // Events the queue could not hold are read back from the store, so no subscriber misses a change.
                LogLagged(logger);
                last = await CatchUpAsync(last, key, stoppingToken).ConfigureAwait(false);
            }
            if (e.Sequence != 0 && e.Sequence <= last)
            {
                continue;
            }
            last = Math.Max(last, e.Sequence);
            await ReactAsync(e, key, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task<long> CatchUpAsync(long after, RSA? key, CancellationToken ct)
    {
        const int Page = 1000;
        while (true)
        {
            var page = await store.ReadEventsAsync(after, Page, ct).ConfigureAwait(false);
            foreach (var e in page)
            {
                after = Math.Max(after, e.Sequence);
                if (e.Type == "intent")
                {
                    await ReactAsync(e, key, ct).ConfigureAwait(false);
                }
            }
            if (page.Count < Page)
            {
                return after;
            }
        }
    }

    private async Task ReactAsync(EventRecord e, RSA? key, CancellationToken ct)
    {
        if (state.IsUssParty(e.OwnerParty))
        {
            return;
        }
        try
        {
            await NotifyAsync(e.OwnerParty, e.ObjectId, key, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, e.ObjectId, ex.Message);
        }
    }

    private async Task NotifyAsync(string party, string intentId, RSA? key, CancellationToken ct)
    {
        if (await store.GetIntentAsync(party, intentId, ct).ConfigureAwait(false) is not { } record)
        {
            return;
        }
        var hub = HubIntentReferences.Describe(record);
        var targets = new List<DssSubscription>();
        foreach (var s in state.SubscriptionsIn(hub.Volumes, clock.GetUtcNow()).Where(s => s.NotifyForOperationalIntents))
        {
            if (state.Subjects.TryGetValue(s.Manager, out var viewer) && await references.VisibleToAsync(record, viewer, ct).ConfigureAwait(false))
            {
                targets.Add(s);
            }
        }
        if (targets.Count == 0)
        {
            return;
        }
        var bumped = await store.WriteAsync(async w =>
        {
            var list = new List<DssSubscription>();
            foreach (var s in targets.Select(t => state.Subscriptions.TryGetValue(t.Id, out var now) ? now : null).OfType<DssSubscription>())
            {
                var next = s with { NotificationIndex = s.NotificationIndex + 1 };
                await DssStore.UpsertAsync(w, next).ConfigureAwait(false);
                w.AfterCommit(() => state.Subscriptions[next.Id] = next);
                list.Add(next);
            }
            var visibility = list.Select(s => state.Subjects[s.Manager]).Append(record.Party).Distinct(StringComparer.Ordinal).ToList();
            await w.AppendAuditAsync(record.Party, "dss.notify", "intent", record.Id, visibility, new JsonObject
            {
                ["operational_intent_id"] = hub.EntityId,
                ["version"] = record.Version,
                ["subscriptions"] = DssViews.Array(list.Select(s => new JsonObject { ["subscription_id"] = s.Id, ["uss_base_url"] = s.UssBaseUrl, ["notification_index"] = s.NotificationIndex })),
            }.ToJsonString()).ConfigureAwait(false);
            return list;
        }, ct).ConfigureAwait(false);
        foreach (var group in bumped.GroupBy(s => s.UssBaseUrl, StringComparer.Ordinal))
        {
            var body = new JsonObject
            {
                ["operational_intent_id"] = hub.EntityId,
                ["subscriptions"] = DssViews.Array(group.Select(s => new JsonObject { ["subscription_id"] = s.Id, ["notification_index"] = s.NotificationIndex })),
            };
            if (record.State != "Ended")
            {
                body["operational_intent"] = references.Details(hub, options.Value.BaseUrl ?? "");
            }
            await DeliverAsync(group.Key, body, key, ct).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(string baseUrl, JsonObject body, RSA? key, CancellationToken ct)
    {
        var url = baseUrl + "/uss/v1/operational_intents";
        var client = http.CreateClient(nameof(DssNotifier));
        var attempts = Math.Clamp(options.Value.NotifyAttempts, 1, 10);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
            if (key is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
                    DssTokenMinter.Mint(key, options.Value.HubSubject, [DssScopes.StrategicCoordination], new Uri(url).Host, clock.GetUtcNow().AddMinutes(5), options.Value.HubSubject, clock.GetUtcNow()));
            }
            try
            {
                using var response = await client.SendAsync(request, ct).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    LogDelivered(logger, url, attempt);
                    return;
                }
                LogRefused(logger, url, (int)response.StatusCode, attempt);
            }
            catch (HttpRequestException ex)
            {
                LogUnreachable(logger, url, ex.Message, attempt);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                LogUnreachable(logger, url, "timed out", attempt);
            }
            if (attempt < attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), clock, ct).ConfigureAwait(false);
            }
        }
        LogGaveUp(logger, url, attempts);
    }

    private RSA? LoadKey()
    {
        if (string.IsNullOrWhiteSpace(options.Value.NotifyKeyFile))
        {
            return null;
        }
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(options.Value.NotifyKeyFile));
        return rsa;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "F3548 notification delivered to {Url} (attempt {Attempt})")]
    private static partial void LogDelivered(ILogger logger, string url, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "F3548 notification to {Url} refused with {Status} (attempt {Attempt})")]
    private static partial void LogRefused(ILogger logger, string url, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "F3548 notification to {Url} failed: {Problem} (attempt {Attempt})")]
    private static partial void LogUnreachable(ILogger logger, string url, string problem, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "F3548 notification to {Url} given up after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, string url, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "F3548 notifier fell behind the event stream; catching up from the store")]
    private static partial void LogLagged(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "F3548 notification for intent {Intent} failed: {Problem}")]
    private static partial void LogFailed(ILogger logger, string intent, string problem);
}
