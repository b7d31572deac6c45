using System.Text.Json;
using Deconflict.Core.Hotline;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Hotline;

/// <summary>
/// Where hotline changes are written: threads, messages, acknowledgements and escalations, each in one store
/// transaction with its event and audit entry; and how a thread looks to one reader (in its agreement language).
/// </summary>
public sealed class HotlineDesk(IHubStore store, HotlineStore hotline, AgreementBook book, HotlineCatalog catalog, TimeProvider clock)
{
    /// <summary>Deadline used when the parties have no active agreement naming one.</summary>
    public const int DefaultAckDeadlineS = 300;

    public HotlineCatalog Catalog => catalog;

    public static string ThreadIdForConflict(string conflictId) => "th-" + conflictId;

    /// <summary>The language <paramref name="party"/> reads in when talking to <paramref name="others"/> (its agreement language; English without one).</summary>
    public string LanguageOf(string party, IEnumerable<string> others)
    {
        foreach (var other in others.Where(o => o != party).Order(StringComparer.Ordinal))
        {
            if (book.ActiveBetween(party, other) is { } agreement && book.TermsBetween(party, other) is { } terms)
            {
                var language = agreement.Proposer == party ? terms.Languages.Proposer : terms.Languages.Counterparty;
                if (catalog.Supports(language))
                {
                    return language;
                }
            }
        }
        return HotlineCatalog.FallbackLanguage;
    }

    /// <summary>Opens the thread of every conflict that has none yet (idempotent; returns how many were opened).</summary>
    public async Task<int> OpenConflictThreadsAsync(CancellationToken ct)
    {
        var missing = await hotline.ConflictsWithoutThreadAsync(200, ct).ConfigureAwait(false);
        if (missing.Count == 0)
        {
            return 0;
        }
        return await store.WriteAsync(async w =>
        {
            var opened = 0;
            foreach (var (conflictId, parties, kind) in missing)
            {
                var thread = new ThreadRecord(ThreadIdForConflict(conflictId), conflictId, "conflict", conflictId,
                    $"{kind} conflict {conflictId}", "hub", w.Now, null, parties);
                if (await HotlineStore.InsertThreadAsync(w, thread).ConfigureAwait(false))
                {
                    await AnnounceThreadAsync(w, thread, "hub").ConfigureAwait(false);
                    opened++;
                }
            }
            return opened;
        }, ct).ConfigureAwait(false);
    }

    public async Task<(ThreadRecord Thread, string Receipt)> OpenThreadAsync(string caller, IReadOnlyList<string> others, SubjectView? subject, string title, CancellationToken ct)
    {
        return await store.WriteAsync(async w =>
        {
            var thread = new ThreadRecord("th-" + Guid.CreateVersion7().ToString("N")[..20], null,
                subject?.Type, subject?.Id, title, caller, w.Now, null, [caller, .. others.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], subject?.Party);
            await HotlineStore.InsertThreadAsync(w, thread).ConfigureAwait(false);
            var receipt = await AnnounceThreadAsync(w, thread, caller).ConfigureAwait(false);
            return (thread, receipt);
        }, ct).ConfigureAwait(false);
    }

    public async Task<(MessageRecord Message, string Receipt)> PostAsync(CallerParty caller, ThreadRecord thread, HotlineMessage message, MessageRecord? answered, CancellationToken ct)
    {
        var sender = caller.Id;
        var recipients = thread.Parties.Where(p => p != sender).ToList();
        var window = TimeSpan.FromSeconds(recipients.Count == 0 ? DefaultAckDeadlineS
            : recipients.Min(r => book.TermsBetween(sender, r)?.AckDeadlineS ?? DefaultAckDeadlineS));
        var language = LanguageOf(sender, recipients);
        return await store.WriteAsync(async w =>
        {
            var record = new MessageRecord(0, "msg-" + Guid.CreateVersion7().ToString("N")[..20], thread.Id, sender, message.Template.Id,
                message.ParametersJson(), message.Remark, language, message.NeedsAck,
                HotlineEscalation.AckDeadline(message.Template, w.Now, window), null, w.Now);
            record = record with { Seq = await HotlineStore.InsertMessageAsync(w, record).ConfigureAwait(false) };
            var summary = HubJson.Serialize(new
            {
                thread_id = thread.Id,
                message_id = record.Id,
                sender,
                template = record.Template,
                needs_ack = record.NeedsAck,
                ack_deadline = record.AckDeadline,
                reply_to = message.ReplyTo,
            });
            await w.AppendEventAsync("message", record.Id, "", thread.Parties, summary).ConfigureAwait(false);
            var receipt = await w.AppendAuditAsync(sender, "message.post", "message", record.Id, thread.Parties, HubJson.Serialize(new
            {
                thread_id = thread.Id,
                message_id = record.Id,
                sender,
                template = record.Template,
                @params = JsonDocument.Parse(record.ParamsJson).RootElement,
                text = record.Remark,
                language,
                needs_ack = record.NeedsAck,
                ack_deadline = record.AckDeadline,
                reply_to = message.ReplyTo,
            })).ConfigureAwait(false);
            // An answer (WILCO, UNABLE, ACKNOWLEDGE) naming a request acknowledges it.
            if (answered is not null && answered.NeedsAck && answered.Sender != sender && HotlineTemplates.IsAnswer(message.Template.Id))
            {
                receipt = await AckInTransactionAsync(w, caller, thread, answered).ConfigureAwait(false) ?? receipt;
            }
            return (record, receipt);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Records the caller's acknowledgement; when it already had one, returns that one (and its receipt) unchanged.</summary>
    public async Task<(AckRecord Ack, bool Already)> AckAsync(CallerParty caller, ThreadRecord thread, MessageRecord message, CancellationToken ct)
    {
        return await store.WriteAsync<(AckRecord, bool)>(async w =>
        {
            if (await AckInTransactionAsync(w, caller, thread, message).ConfigureAwait(false) is { } receipt)
            {
                return (new AckRecord(message.Id, caller.Id, w.Now, caller.KeyId, receipt), false);
            }
            var existing = (await hotline.AcksOfMessageAsync(message.Id, ct).ConfigureAwait(false)).First(a => a.PartyId == caller.Id);
            return (existing, true);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Escalates every message whose deadline passed without all acknowledgements; each exactly once.</summary>
    public async Task<int> EscalateDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var escalated = 0;
        foreach (var message in await hotline.DueForEscalationAsync(now, 100, ct).ConfigureAwait(false))
        {
            var thread = await hotline.GetThreadAsync(message.ThreadId, ct).ConfigureAwait(false);
            if (thread is null)
            {
                continue;
            }
            var acks = await hotline.AcksOfMessageAsync(message.Id, ct).ConfigureAwait(false);
            var state = new HotlineAckState(message.Id, message.NeedsAck, message.AckDeadline,
                thread.Parties.Where(p => p != message.Sender).ToList(), acks.Select(a => a.PartyId).ToList(), message.EscalatedAt);
            var decision = HotlineEscalation.Decide(state, now);
            if (!decision.Escalate)
            {
                continue;
            }
            var contacts = new Dictionary<string, string?>(StringComparer.Ordinal);
            // Each observer with the parties that named it: it is told only their contacts, never the other side's.
            var observers = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var overdue in decision.OverdueParties)
            {
                contacts[overdue] = null;
                if (book.ActiveBetween(message.Sender, overdue) is not { } agreement)
                {
                    continue;
                }
                foreach (var c in await hotline.ContactsAsync(agreement.Id, ct).ConfigureAwait(false))
                {
                    if (c.PartyId == overdue)
                    {
                        contacts[overdue] = c.EscalationContact;
                    }
                    if (c.Observer is { Length: > 0 } observer)
                    {
                        if (!observers.TryGetValue(observer, out var namedBy))
                        {
                            observers[observer] = namedBy = new SortedSet<string>(StringComparer.Ordinal);
                        }
                        namedBy.Add(c.PartyId);
                    }
                }
            }
            var parties = new SortedSet<string>([message.Sender, .. decision.OverdueParties], StringComparer.Ordinal);
            var done = await store.WriteAsync(async w =>
            {
                if (!await HotlineStore.MarkEscalatedAsync(w, message.Id, w.Now).ConfigureAwait(false))
                {
                    return false;
                }
                string Data(IReadOnlyDictionary<string, string?> shownContacts, IEnumerable<string> shownObservers) => HubJson.Serialize(new
                {
                    thread_id = thread.Id,
                    conflict_id = thread.ConflictId,
                    message_id = message.Id,
                    template = message.Template,
                    sender = message.Sender,
                    ack_deadline = message.AckDeadline,
                    escalated_at = w.Now,
                    overdue_parties = decision.OverdueParties,
                    escalation_contacts = shownContacts,
                    observers = shownObservers,
                });
                // The thread's parties learn everything; each observer gets its own event and entry with the contacts
                // of the parties that named it and no other observer.
                var data = Data(contacts, observers.Keys);
                await w.AppendEventAsync("escalation", message.Id, "", [.. parties], data).ConfigureAwait(false);
                await w.AppendAuditAsync("hub", "message.escalate", "message", message.Id, [.. parties], data).ConfigureAwait(false);
                foreach (var (observer, namedBy) in observers)
                {
                    var own = contacts.Where(c => namedBy.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
                    var seen = Data(own, [observer]);
                    await w.AppendEventAsync("escalation", message.Id, "", [observer], seen).ConfigureAwait(false);
                    await w.AppendAuditAsync("hub", "message.escalate", "message", message.Id, [observer], seen).ConfigureAwait(false);
                }
                return true;
            }, ct).ConfigureAwait(false);
            escalated += done ? 1 : 0;
        }
        return escalated;
    }

    /// <summary>The thread as <paramref name="reader"/> sees it, and marks it read up to its last message.</summary>
    public async Task<ThreadView> ReadThreadAsync(string reader, ThreadRecord thread, CancellationToken ct)
    {
        var messages = await hotline.MessagesAsync(thread.Id, ct).ConfigureAwait(false);
        var acks = (await hotline.AcksOfThreadAsync(thread.Id, ct).ConfigureAwait(false)).ToLookup(a => a.MessageId);
        var now = clock.GetUtcNow();
        var language = LanguageOf(reader, thread.Parties);
        var views = new List<MessageView>(messages.Count);
        // An answer names the message it answers by what it was and when; only messages of this thread, which
        // every reader of it may see, are named, any other reference stays an id.
        var inThread = messages.ToDictionary(m => m.Id, m => new HotlineReference(m.Template, m.CreatedAt), StringComparer.Ordinal);
        HotlineReference? Reference(string id) => inThread.TryGetValue(id, out var r) ? r : null;
        foreach (var m in messages)
        {
            var content = HotlineMessageParser.Load(m.Template, m.ParamsJson, m.Remark);
            var original = catalog.Render(content, m.Language, Reference);
            var rendered = catalog.Render(content, language, Reference);
            var state = new HotlineAckState(m.Id, m.NeedsAck, m.AckDeadline, thread.Parties.Where(p => p != m.Sender).ToList(),
                acks[m.Id].Select(a => a.PartyId).ToList(), m.EscalatedAt);
            var text = m.Remark ?? (content.Parameters.GetValueOrDefault("text") as HotlineValue.Word)?.Value;
            views.Add(new MessageView(m.Id, m.Sender, m.Template, JsonDocument.Parse(m.ParamsJson).RootElement.Clone(), text, m.CreatedAt,
                m.NeedsAck, m.AckDeadline, acks[m.Id].Select(a => new AckView(a.PartyId, a.AckedAt)).ToList(),
                HotlineEscalation.IsOverdue(state, now), m.EscalatedAt,
                new RenderedText(original.Language, original.Text), new RenderedText(rendered.Language, rendered.Text),
                original.HasUntranslatedText));
        }
        // Reading is not audited; the read mark is written only when it moves, keeping GETs off the write path.
        if (messages.Count > 0 && await hotline.LastReadAsync(thread.Id, reader, ct).ConfigureAwait(false) < messages[^1].Seq)
        {
            await store.WriteAsync(async w =>
            {
                await HotlineStore.MarkReadAsync(w, thread.Id, reader, messages[^1].Seq).ConfigureAwait(false);
                return true;
            }, ct).ConfigureAwait(false);
        }
        var subject = thread.SubjectType is { } type && thread.SubjectId is { } id ? new SubjectView(type, id, thread.SubjectParty) : null;

        return new ThreadView(thread.Id, thread.ConflictId, subject, thread.Title, thread.Parties, language,
            views.Any(v => v.Overdue), thread.CreatedAt, views);
    }

    private static async Task<string> AnnounceThreadAsync(IHubWriter w, ThreadRecord thread, string actor)
    {
        var data = HubJson.Serialize(new
        {
            thread_id = thread.Id,
            conflict_id = thread.ConflictId,
            subject_type = thread.SubjectType,
            subject_id = thread.SubjectId,
            title = thread.Title,
            parties = thread.Parties,
            created_by = thread.CreatedBy,
        });
        await w.AppendEventAsync("thread", thread.Id, "", thread.Parties, data).ConfigureAwait(false);
        return await w.AppendAuditAsync(actor, "thread.open", "thread", thread.Id, thread.Parties, data).ConfigureAwait(false);
    }

    /// <summary>Inserts the acknowledgement with its audit entry and event; null when the party had already acknowledged.</summary>
    private static async Task<string?> AckInTransactionAsync(IHubWriter w, CallerParty caller, ThreadRecord thread, MessageRecord message)
    {
        if (!await HotlineStore.InsertAckAsync(w, new AckRecord(message.Id, caller.Id, w.Now, caller.KeyId, "")).ConfigureAwait(false))
        {
            return null;
        }
        var data = HubJson.Serialize(new
        {
            thread_id = thread.Id,
            message_id = message.Id,
            acked_by = caller.Id,
            acked_at = w.Now,
            late = message.AckDeadline is { } d && w.Now > d,
        });
        await w.AppendEventAsync("message", message.Id, "", thread.Parties, data).ConfigureAwait(false);
        var receipt = await w.AppendAuditAsync(caller.Id, "message.ack", "message", message.Id, thread.Parties, data).ConfigureAwait(false);
        await HotlineStore.SetAckReceiptAsync(w, message.Id, caller.Id, receipt).ConfigureAwait(false);
        return receipt;
    }
}
