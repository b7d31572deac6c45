using System.Data.Common;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Hotline;

/// <summary>
/// SQL for the hotline tables (migration 0100), portable across SQLite and PostgreSQL. Reads open their own
/// connection; writes run on the <see cref="IHubWriter"/> of the caller's transaction, beside the audit entry.
/// </summary>
public sealed class HotlineStore(IHubStore store)
{
    private const string ThreadColumns = "t.id, t.conflict_id, t.subject_type, t.subject_id, t.title, t.created_by, t.created_at, t.overdue_at, t.subject_party";
    private const string MessageColumns = "m.seq, m.id, m.thread_id, m.sender, m.template, m.params_json, m.remark, m.language, m.needs_ack, m.ack_deadline, m.escalated_at, m.created_at";

    // A message is outstanding while some thread party other than its sender has not acknowledged it.
    private const string Outstanding =
        """
        m.needs_ack = 1 AND EXISTS (SELECT 1 FROM hotline_thread_parties tp WHERE tp.thread_id = m.thread_id AND tp.party_id <> m.sender
            AND NOT EXISTS (SELECT 1 FROM hotline_acks a WHERE a.message_id = m.id AND a.party_id = tp.party_id))
        """;

    public IHubStore Store => store;

    public async Task<ThreadRecord?> GetThreadAsync(string id, CancellationToken ct)
    {
        var threads = await ThreadsAsync($"SELECT {ThreadColumns} FROM hotline_threads t WHERE t.id = @id", ct, ("@id", id)).ConfigureAwait(false);
        return threads.Count == 0 ? null : threads[0];
    }

    public Task<IReadOnlyList<ThreadRecord>> ThreadsOfPartyAsync(string party, CancellationToken ct) =>
        ThreadsAsync($"SELECT {ThreadColumns} FROM hotline_threads t WHERE EXISTS (SELECT 1 FROM hotline_thread_parties p WHERE p.thread_id = t.id AND p.party_id = @p) ORDER BY t.created_at, t.id",
            ct, ("@p", party));

    public Task<IReadOnlyList<MessageRecord>> MessagesAsync(string threadId, CancellationToken ct) =>
        store.QueryAsync($"SELECT {MessageColumns} FROM hotline_messages m WHERE m.thread_id = @t ORDER BY m.seq", ToMessage, ct, ("@t", threadId));

    public async Task<MessageRecord?> GetMessageAsync(string id, CancellationToken ct)
    {
        var list = await store.QueryAsync($"SELECT {MessageColumns} FROM hotline_messages m WHERE m.id = @id", ToMessage, ct, ("@id", id)).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    public Task<IReadOnlyList<AckRecord>> AcksOfThreadAsync(string threadId, CancellationToken ct) =>
        store.QueryAsync("SELECT a.message_id, a.party_id, a.acked_at, a.key_id, a.receipt FROM hotline_acks a JOIN hotline_messages m ON m.id = a.message_id WHERE m.thread_id = @t ORDER BY a.acked_at",
            ToAck, ct, ("@t", threadId));

    public Task<IReadOnlyList<AckRecord>> AcksOfMessageAsync(string messageId, CancellationToken ct) =>
        store.QueryAsync("SELECT message_id, party_id, acked_at, key_id, receipt FROM hotline_acks WHERE message_id = @m ORDER BY acked_at",
            ToAck, ct, ("@m", messageId));

    /// <summary>The sequence of the last message <paramref name="party"/> has read in the thread (0: none).</summary>
    public async Task<long> LastReadAsync(string threadId, string party, CancellationToken ct)
    {
        var marks = await store.QueryAsync("SELECT last_seq FROM hotline_reads WHERE thread_id = @t AND party_id = @p", r => r.GetInt64(0), ct, ("@t", threadId), ("@p", party)).ConfigureAwait(false);
        return marks.Count == 0 ? 0 : marks[0];
    }

    /// <summary>Unread (from others, after the party's read mark) and overdue (past deadline, unacknowledged, sent or received by the party) per thread.</summary>
    public Task<IReadOnlyList<InboxCount>> InboxAsync(string party, DateTimeOffset now, CancellationToken ct) =>
        store.QueryAsync(
            $"""
            SELECT t.id,
              (SELECT COUNT(*) FROM hotline_messages m WHERE m.thread_id = t.id AND m.sender <> @p
                 AND m.seq > COALESCE((SELECT r.last_seq FROM hotline_reads r WHERE r.thread_id = t.id AND r.party_id = @p), 0)),
              (SELECT COUNT(*) FROM hotline_messages m WHERE m.thread_id = t.id AND m.ack_deadline <= @now AND {Outstanding}
                 AND (m.sender = @p OR NOT EXISTS (SELECT 1 FROM hotline_acks a WHERE a.message_id = m.id AND a.party_id = @p))),
              (SELECT MAX(m.created_at) FROM hotline_messages m WHERE m.thread_id = t.id)
            FROM hotline_threads t
            WHERE EXISTS (SELECT 1 FROM hotline_thread_parties p WHERE p.thread_id = t.id AND p.party_id = @p)
            ORDER BY t.created_at, t.id
            """,
            r => new InboxCount(r.GetString(0), Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture), Sql.TimeOrNull(r, 3)),
            ct, ("@p", party), ("@now", now));

    /// <summary>Messages past their deadline, not yet escalated, still missing an acknowledgement.</summary>
    public Task<IReadOnlyList<MessageRecord>> DueForEscalationAsync(DateTimeOffset now, int limit, CancellationToken ct) =>
        store.QueryAsync($"SELECT {MessageColumns} FROM hotline_messages m WHERE m.escalated_at IS NULL AND m.ack_deadline <= @now AND {Outstanding} ORDER BY m.ack_deadline, m.seq LIMIT @limit",
            ToMessage, ct, ("@now", now), ("@limit", limit));

    /// <summary>Conflicts that have no thread yet (normally none: threads open right after their conflict).</summary>
    public Task<IReadOnlyList<(string Id, IReadOnlyList<string> Parties, string Kind)>> ConflictsWithoutThreadAsync(int limit, CancellationToken ct) =>
        store.QueryAsync("SELECT c.id, c.parties_json, c.kind FROM conflicts c WHERE NOT EXISTS (SELECT 1 FROM hotline_threads t WHERE t.conflict_id = c.id) ORDER BY c.detected_at, c.id LIMIT @limit",
            r => (r.GetString(0), Sql.FromJsonList(r.GetString(1)), r.GetString(2)), ct, ("@limit", limit));

    public Task<IReadOnlyList<ContactRecord>> ContactsAsync(string agreementId, CancellationToken ct) =>
        store.QueryAsync("SELECT agreement_id, party_id, escalation_contact, observer, updated_at FROM hotline_contacts WHERE agreement_id = @a ORDER BY party_id",
            r => new ContactRecord(r.GetString(0), r.GetString(1), Sql.StringOrNull(r, 2), Sql.StringOrNull(r, 3), Sql.Time(r.GetInt64(4))), ct, ("@a", agreementId));

    public static async Task<bool> InsertThreadAsync(IHubWriter w, ThreadRecord t)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(t);
        await using var insert = w.CreateCommand(
            """
            INSERT INTO hotline_threads (id, conflict_id, subject_type, subject_id, subject_party, title, created_by, created_at, overdue_at)
            VALUES (@id, @c, @st, @si, @sp, @title, @by, @at, NULL) ON CONFLICT DO NOTHING
            """);
        insert.With("@id", t.Id).With("@c", t.ConflictId).With("@st", t.SubjectType).With("@si", t.SubjectId).With("@sp", t.SubjectParty)
            .With("@title", t.Title).With("@by", t.CreatedBy).With("@at", t.CreatedAt);
        if (await insert.ExecuteNonQueryAsync().ConfigureAwait(false) == 0)
        {
            return false;
        }
        foreach (var party in t.Parties.Distinct(StringComparer.Ordinal))
        {
            await using var p = w.CreateCommand("INSERT INTO hotline_thread_parties (thread_id, party_id) VALUES (@t, @p)");
            p.With("@t", t.Id).With("@p", party);
            await p.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        return true;
    }

    public static async Task<long> InsertMessageAsync(IHubWriter w, MessageRecord m)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(m);
        await using var insert = w.CreateCommand(
            """
            INSERT INTO hotline_messages (id, thread_id, sender, template, params_json, remark, language, needs_ack, ack_deadline, escalated_at, created_at)
            VALUES (@id, @t, @s, @tpl, @params, @remark, @lang, @ack, @deadline, NULL, @at) RETURNING seq
            """);
        insert.With("@id", m.Id).With("@t", m.ThreadId).With("@s", m.Sender).With("@tpl", m.Template).With("@params", m.ParamsJson)
            .With("@remark", m.Remark).With("@lang", m.Language).With("@ack", m.NeedsAck).With("@deadline", m.AckDeadline).With("@at", m.CreatedAt);
        return Convert.ToInt64(await insert.ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Records an acknowledgement; false when this party had already acknowledged the message.</summary>
    public static async Task<bool> InsertAckAsync(IHubWriter w, AckRecord a)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(a);
        await using var insert = w.CreateCommand(
            "INSERT INTO hotline_acks (message_id, party_id, acked_at, key_id, receipt) VALUES (@m, @p, @at, @k, @r) ON CONFLICT DO NOTHING");
        insert.With("@m", a.MessageId).With("@p", a.PartyId).With("@at", a.AckedAt).With("@k", a.KeyId).With("@r", a.Receipt);
        return await insert.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
    }

    public static async Task SetAckReceiptAsync(IHubWriter w, string messageId, string party, string receipt)
    {
        ArgumentNullException.ThrowIfNull(w);
        await using var update = w.CreateCommand("UPDATE hotline_acks SET receipt = @r WHERE message_id = @m AND party_id = @p");
        update.With("@r", receipt).With("@m", messageId).With("@p", party);
        await update.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>Marks a message escalated unless it already was; the conditional update makes escalation happen once.</summary>
    public static async Task<bool> MarkEscalatedAsync(IHubWriter w, string messageId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(w);
        await using var update = w.CreateCommand("UPDATE hotline_messages SET escalated_at = @at WHERE id = @id AND escalated_at IS NULL");
        update.With("@at", at).With("@id", messageId);
        if (await update.ExecuteNonQueryAsync().ConfigureAwait(false) != 1)
        {
            return false;
        }
        await using var thread = w.CreateCommand(
            "UPDATE hotline_threads SET overdue_at = @at WHERE id = (SELECT thread_id FROM hotline_messages WHERE id = @id) AND overdue_at IS NULL");
        thread.With("@at", at).With("@id", messageId);
        await thread.ExecuteNonQueryAsync().ConfigureAwait(false);
        return true;
    }

    public static async Task MarkReadAsync(IHubWriter w, string threadId, string party, long lastSeq)
    {
        ArgumentNullException.ThrowIfNull(w);
        await using var upsert = w.CreateCommand(
            """
            INSERT INTO hotline_reads (thread_id, party_id, last_seq) VALUES (@t, @p, @s)
            ON CONFLICT (thread_id, party_id) DO UPDATE SET last_seq = excluded.last_seq WHERE excluded.last_seq > hotline_reads.last_seq
            """);
        upsert.With("@t", threadId).With("@p", party).With("@s", lastSeq);
        await upsert.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public static async Task UpsertContactAsync(IHubWriter w, ContactRecord c)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(c);
        await using var upsert = w.CreateCommand(
            """
            INSERT INTO hotline_contacts (agreement_id, party_id, escalation_contact, observer, updated_at) VALUES (@a, @p, @c, @o, @at)
            ON CONFLICT (agreement_id, party_id) DO UPDATE SET escalation_contact = excluded.escalation_contact,
                observer = excluded.observer, updated_at = excluded.updated_at
            """);
        upsert.With("@a", c.AgreementId).With("@p", c.PartyId).With("@c", c.EscalationContact).With("@o", c.Observer).With("@at", c.UpdatedAt);
        await upsert.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<ThreadRecord>> ThreadsAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        var rows = await store.QueryAsync(sql, r => new ThreadRecord(r.GetString(0), Sql.StringOrNull(r, 1), Sql.StringOrNull(r, 2), Sql.StringOrNull(r, 3),
            r.GetString(4), r.GetString(5), Sql.Time(r.GetInt64(6)), Sql.TimeOrNull(r, 7), [], Sql.StringOrNull(r, 8)), ct, args)
.ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return rows;
        }
        var parties = await store.QueryAsync(
            "SELECT thread_id, party_id FROM hotline_thread_parties WHERE thread_id IN (" + string.Join(", ", rows.Select((_, i) => "@t" + i)) + ") ORDER BY party_id",
            r => (r.GetString(0), r.GetString(1)), ct, [.. rows.Select((t, i) => ("@t" + i, (object?)t.Id))]).ConfigureAwait(false);
        var byThread = parties.ToLookup(p => p.Item1, p => p.Item2);
        return rows.Select(t => t with { Parties = byThread[t.Id].ToList() }).ToList();
    }

    private static MessageRecord ToMessage(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), Sql.StringOrNull(r, 6),
            r.GetString(7), Convert.ToInt64(r.GetValue(8), System.Globalization.CultureInfo.InvariantCulture) == 1,
            Sql.TimeOrNull(r, 9), Sql.TimeOrNull(r, 10), Sql.Time(r.GetInt64(11)));

    private static AckRecord ToAck(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), Sql.Time(r.GetInt64(2)), Sql.StringOrNull(r, 3), r.GetString(4));
}
